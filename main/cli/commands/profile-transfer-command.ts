import { readFile, writeFile } from 'node:fs/promises';
import type { Core } from '../../core/core.ts';
import { BadInputError } from '../../core/errors.ts';
import { exportProfiles } from '../../core/profiles/profile-export.ts';
import { parseProfileImport } from '../../core/profiles/profile-import.ts';
import type { ParsedCommand } from '../spec/command-spec.ts';
import type { PROFILE_EXPORT_SPEC, PROFILE_IMPORT_SPEC } from '../spec/commands/profile-specs.ts';
import { readStdinLines, type Terminal } from '../terminal.ts';

/** `ctm profile import FILE`: adds the profiles an Amplify config or an export holds. */
export async function importProfiles({ values, args }: ParsedCommand<typeof PROFILE_IMPORT_SPEC>, core: () => Core, terminal: Terminal): Promise<number> {
  const file = args[0] ?? '';
  const text = file === '-' ? (await readStdinLines(terminal)).join('\n') : await readImportFile(file);
  const app = core();
  const taken = (await app.profiles.list()).map((p) => p.name);
  const found = parseProfileImport(file === '-' ? 'stdin' : file, text, { takenNames: values.name ? [] : taken });
  if (values.name !== undefined && found.length !== 1) throw new BadInputError(`--name needs a file with one profile; this one has ${found.length}.`);
  for (const fields of found) {
    const profile = await app.addProfile({
      ...fields,
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.endpoint !== undefined ? { endpoint: values.endpoint } : {}),
      ...(values.username !== undefined ? { username: values.username } : {}),
    });
    terminal.stderr.write(`Imported profile "${profile.name}" (${profile.userPoolId}, client ${profile.clientId}).\n`);
    if (profile.hasClientSecret) terminal.stderr.write(`  It needs its client secret: ctm profile edit ${profile.name} --client-secret-stdin\n`);
  }
  return 0;
}

/** `ctm profile export [NAME...]`: writes the profiles (all, or those named) without ids or secrets. */
export async function exportProfilesCommand({ values, args: positionals }: ParsedCommand<typeof PROFILE_EXPORT_SPEC>, core: () => Core, terminal: Terminal): Promise<number> {
  const app = core();
  const profiles = positionals.length === 0 ? await app.profiles.list() : await Promise.all(positionals.map((name) => app.profiles.get(name)));
  const text = exportProfiles(profiles);
  if (values.output === undefined) {
    terminal.stdout.write(text);
    return 0;
  }
  await writeFile(values.output, text, { mode: 0o600 }).catch((error: NodeJS.ErrnoException) => {
    throw new BadInputError(`Could not write ${values.output}: ${error.code ?? 'write failed'}.`);
  });
  terminal.stderr.write(`Exported ${profiles.length} profile(s) to ${values.output}.\n`);
  return 0;
}

async function readImportFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BadInputError(code === 'ENOENT' ? `No file ${file}.` : `Could not read ${file}: ${code ?? 'read failed'}.`);
  }
}
