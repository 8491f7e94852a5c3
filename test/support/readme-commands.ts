// Writes the README's command table from the command specs: node test/support/readme-commands.ts
// (test/unit/cli/command-specs.test.ts fails while README.md differs from what this writes).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { README_TABLE_END, README_TABLE_START, readmeCommandTable } from '../../main/cli/spec/readme-table.ts';

/** README.md's text with the command table between its markers replaced by the generated one. */
export function readmeWithTable(readme: string): string {
  const start = readme.indexOf(README_TABLE_START);
  const end = readme.indexOf(README_TABLE_END);
  if (start === -1 || end === -1)
    throw new Error(`README.md lacks the markers ${README_TABLE_START} ... ${README_TABLE_END}`);
  return `${readme.slice(0, start)}${readmeCommandTable()}${readme.slice(end + README_TABLE_END.length)}`;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const path = join(import.meta.dirname, '../../README.md');
  writeFileSync(path, readmeWithTable(readFileSync(path, 'utf8')));
  process.stdout.write('README.md: command table written from main/cli/spec\n');
}
