import { readFile, writeFile } from 'node:fs/promises';
import type { Core } from '../../core/core.ts';
import { BadInputError } from '../../core/errors.ts';
import { exportProfiles } from '../../core/profiles/profile-export.ts';
import { parseProfileImport } from '../../core/profiles/profile-import.ts';
import { parseFlags, onePositional } from '../parse.ts';
import { readStdinLines, type Terminal } from '../terminal.ts';

/** Usage of `ctm profile import`. */
export const PROFILE_IMPORT_USAGE = 'ctm profile import FILE|- [--name NAME] [--endpoint URL] [--username U]';
/** Usage of `ctm profile export`. */
export const PROFILE_EXPORT_USAGE = 'ctm profile export [NAME...] [--output FILE]';

const IMPORT_HELP = `Adds the profiles in FILE ("-" reads stdin): amplify_outputs.json (Amplify Gen 2), aws-exports.js or
amplifyconfiguration.json (Gen 1, read as data, never run), or a file made by "ctm profile export".
Names that are taken get a suffix ("dev" -> "dev-2").
  --name NAME      the name to use (a file with one profile only)
  --endpoint URL   a Cognito endpoint for every imported profile (a local emulator, a proxy)
  --username U     the user to sign in as, for every imported profile`;

/** `ctm profile import FILE`: adds the profiles an Amplify config or an export holds. */
export async function importProfiles(args: string[], core: () => Core, terminal: Terminal): Promise<number> {
  const { positionals, values } = parseFlags(args, { name: { type: 'string' }, endpoint: { type: 'string' }, username: { type: 'string' } }, PROFILE_IMPORT_USAGE);
  if (values.help) {
    terminal.stdout.write(`Usage: ${PROFILE_IMPORT_USAGE}\n\n${IMPORT_HELP}\n`);
    return 0;
  }
  const file = onePositional(positionals, 'file to import', PROFILE_IMPORT_USAGE);
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
export async function exportProfilesCommand(args: string[], core: () => Core, terminal: Terminal): Promise<number> {
  const { positionals, values } = parseFlags(args, { output: { type: 'string', short: 'o' } }, PROFILE_EXPORT_USAGE);
  if (values.help) {
    terminal.stdout.write(`Usage: ${PROFILE_EXPORT_USAGE}\n\nWrites profiles as JSON (stdout, or --output FILE) without ids or secrets, for "ctm profile import".\n`);
    return 0;
  }
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
