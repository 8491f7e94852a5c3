import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Finding {
  issue: string;
  severity: string;
  file: string;
  location: string;
}

const FAILING = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);

/** The rows of the CSV electronegativity writes (quoted fields may hold commas). */
function parseFindings(csv: string): Finding[] {
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const cells = [...line.matchAll(/"((?:[^"]|"")*)"|([^,]*)/g)]
        .filter((m) => m.index === 0 || line[m.index - 1] === ',')
        .map((m) => m[1] ?? m[2] ?? '');
      return { issue: cells[0] ?? '', severity: cells[1] ?? '', file: cells[3] ?? '', location: cells[4] ?? '' };
    });
}

/** `check|file` of every row of build/electronegativity-accepted.md's table. */
function acceptedFindings(): Set<string> {
  const rows = readFileSync('build/electronegativity-accepted.md', 'utf8')
    .split('\n')
    .filter((l) => /^\| [A-Z_]+ \|/.test(l));
  return new Set(rows.map((l) => l.split('|').map((c) => c.trim())).map((cells) => `${cells[1]}|${cells[2]}`));
}

describe('electronegativity over the built app (main and preload bundles, page and script)', () => {
  it('finds nothing of medium severity or above that build/electronegativity-accepted.md does not justify', () => {
    // Electronegativity reads only .js files: stage the .cjs bundles under .js names.
    const stage = mkdtempSync(join(tmpdir(), 'ctm-electronegativity-'));
    copyFileSync('out/main/index.cjs', join(stage, 'main.js'));
    copyFileSync('out/preload/index.cjs', join(stage, 'preload.js'));
    copyFileSync('out/renderer/index.html', join(stage, 'index.html'));
    copyFileSync('out/renderer/app.js', join(stage, 'app.js'));
    const report = join(stage, 'report.csv');
    const run = spawnSync(
      process.execPath,
      [
        'node_modules/@doyensec/electronegativity/dist/index.js',
        '--input',
        stage,
        '--electron-version',
        '45.5.0',
        '--relative',
        '--output',
        report,
      ],
      { encoding: 'utf8', timeout: 90_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const findings = parseFindings(readFileSync(report, 'utf8'));
    console.log(
      findings.map((f) => `electronegativity: ${f.severity} ${f.issue} ${f.file}:${f.location}`).join('\n') ||
        'electronegativity: no findings',
    );
    const accepted = acceptedFindings();
    const unjustified = findings.filter((f) => FAILING.has(f.severity) && !accepted.has(`${f.issue}|${f.file}`));
    expect(unjustified).toEqual([]);
  });
});
