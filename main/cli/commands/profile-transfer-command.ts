import { open, writeFile } from 'node:fs/promises';
import type { Core } from '../../core/core.ts';
import { profileRef } from '../../core/profiles/profile-id.ts';
import { BadInputError } from '../../core/errors.ts';
import { exportProfiles } from '../../core/profiles/profile-export.ts';
import {
  importServers,
  MAX_IMPORT_BYTES,
  parseProfileImport,
  requireConfirmedServers,
} from '../../core/profiles/profile-import.ts';
import type { ProfileFields } from '../../core/profiles/profile.ts';
import type { ParsedCommand } from '../spec/command-spec.ts';
import type { PROFILE_EXPORT_SPEC, PROFILE_IMPORT_SPEC } from '../spec/commands/profile-specs.ts';
import { ask, canPrompt, type Terminal } from '../terminal.ts';

/** `ctm profile import FILE`: adds the profiles an Amplify config or an export holds. */
export async function importProfiles(
  { values, args }: ParsedCommand<typeof PROFILE_IMPORT_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  const file = args[0] ?? '';
  const text = await readCapped(file, terminal);
  const app = core();
  const taken = (await app.listProfiles()).map((p) => p.name);
  const found = parseProfileImport(file === '-' ? 'stdin' : file, text, { takenNames: values.name ? [] : taken });
  if (values.name !== undefined && found.length !== 1)
    throw new BadInputError(`--name needs a file with one profile; this one has ${found.length}.`);
  const profiles: ProfileFields[] = found.map((fields) => ({
    ...fields,
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.endpoint !== undefined ? { endpoint: values.endpoint } : {}),
    ...(values.username !== undefined ? { username: values.username } : {}),
  }));
  // An --endpoint typed on this command line is the person's own choice; what the file names must be confirmed.
  const confirmed = [
    ...(values['allow-endpoint'] ?? []).map(origin),
    ...(values.endpoint !== undefined ? [origin(values.endpoint)] : []),
  ];
  await confirmServers(profiles, confirmed, terminal);
  for (const profile of await app.addProfiles(profiles)) {
    terminal.stderr.write(`Imported profile "${profile.name}" (${profile.userPoolId}, client ${profile.clientId}).\n`);
    if (profile.hasClientSecret)
      terminal.stderr.write(`  It needs its client secret: ctm profile edit ${profile.name} --client-secret-stdin\n`);
  }
  return 0;
}

/** Asks about the file's non-AWS servers in a terminal (default no); without one, refuses unless --allow-endpoint named them. */
async function confirmServers(profiles: ProfileFields[], confirmed: string[], terminal: Terminal): Promise<void> {
  const how = 'If you trust them, import again with --allow-endpoint URL for each.';
  const unconfirmed = importServers(profiles).filter((s) => !confirmed.includes(s.server));
  if (unconfirmed.length === 0) return;
  if (!canPrompt(terminal)) return requireConfirmedServers(profiles, confirmed, how);
  terminal.stderr.write(
    `This file sends sign-ins to servers that are not AWS's; passwords, tokens and client secrets of these profiles would go there:\n${unconfirmed.map((s) => `  ${s.server}  (${s.profiles.join(', ')})\n`).join('')}`,
  );
  const answer = (await ask(terminal, 'Import them with these servers? [y/N] ')).trim().toLowerCase();
  if (answer !== 'y' && answer !== 'yes') throw new BadInputError('Nothing was imported.');
}

/** A URL's origin as importServers names servers ("https://auth.example.com/" -> "https://auth.example.com"); the text itself when not a URL. */
function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** `ctm profile export [NAME...]`: writes the profiles (all, or those named) without ids or secrets. */
export async function exportProfilesCommand(
  { values, args: positionals }: ParsedCommand<typeof PROFILE_EXPORT_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  const app = core();
  const profiles =
    positionals.length === 0
      ? await app.listProfiles()
      : await Promise.all(positionals.map((name) => app.resolveProfile(profileRef(name))));
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

/**
 * The file (or stdin for "-"), at most MAX_IMPORT_BYTES: a larger one is refused before more is read, whatever it is
 * (a huge file, a FIFO, /dev/zero), so an import cannot exhaust memory.
 */
async function readCapped(file: string, terminal: Terminal): Promise<string> {
  const tooLarge = (): never => {
    throw new BadInputError(
      `${file === '-' ? 'stdin' : file} is larger than ${MAX_IMPORT_BYTES / 1_000_000} MB; nothing was imported. Split it, or export fewer profiles.`,
    );
  };
  const chunks: Buffer[] = [];
  let size = 0;
  const take = (chunk: Buffer): void => {
    size += chunk.length;
    if (size > MAX_IMPORT_BYTES) tooLarge();
    chunks.push(chunk);
  };
  if (file === '-') {
    for await (const chunk of terminal.stdin) take(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return Buffer.concat(chunks).toString('utf8');
  }
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BadInputError(
      code === 'ENOENT' ? `No file ${file}.` : `Could not read ${file}: ${code ?? 'read failed'}.`,
    );
  }
  try {
    for await (const chunk of handle.createReadStream({ highWaterMark: 64 * 1024, autoClose: false }))
      take(chunk as Buffer);
  } catch (error) {
    if (error instanceof BadInputError) throw error;
    throw new BadInputError(`Could not read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'read failed'}.`);
  } finally {
    await handle.close();
  }
  return Buffer.concat(chunks).toString('utf8');
}
