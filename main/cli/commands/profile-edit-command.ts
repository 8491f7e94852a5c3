import type { Core } from '../../core/core.ts';
import { BadInputError } from '../../core/errors.ts';
import { profileWarnings } from '../../core/profiles/profile.ts';
import type { ParsedCommand } from '../spec/command-spec.ts';
import type { PROFILE_ADD_SPEC, PROFILE_EDIT_SPEC } from '../spec/commands/profile-specs.ts';
import { readStdinLines, type Terminal } from '../terminal.ts';
import { fieldsFromFlags } from './profile-flags.ts';

/** `ctm profile add NAME ...`: validates and stores a profile; a client secret goes to the keychain only. */
export async function addProfile({ values, args }: ParsedCommand<typeof PROFILE_ADD_SPEC>, core: () => Core, terminal: Terminal): Promise<number> {
  const name = args[0] ?? '';
  const missing = (['user-pool-id', 'client-id'] as const).filter((flag) => !values[flag]).map((flag) => `--${flag}`);
  if (missing.length > 0) throw new BadInputError(`Missing ${missing.join(' and ')}: ctm profile add NAME --user-pool-id ID --client-id ID. See: ctm profile add --help`);
  const fields = fieldsFromFlags(values, false);
  fields.region ??= values['user-pool-id']?.split('_')[0];
  const secret = values['client-secret-stdin'] ? await firstLine(terminal) : undefined;
  const profile = await core().addProfile({ name, ...fields }, secret);
  terminal.stderr.write(`Added profile "${profile.name}" (${profile.authFlow}${profile.hasClientSecret ? ', client secret in the keychain' : ''}).\n`);
  for (const warning of profileWarnings(profile)) terminal.stderr.write(`Warning: ${warning}\n`);
  return 0;
}

/** `ctm profile edit NAME ...`: changes only the given fields; the id and keychain entries stay. */
export async function editProfile({ values, args }: ParsedCommand<typeof PROFILE_EDIT_SPEC>, core: () => Core, terminal: Terminal): Promise<number> {
  const ref = args[0] ?? '';
  const changes = fieldsFromFlags(values, true);
  if (values.name !== undefined) changes.name = values.name;
  const secret = values['client-secret-stdin'] ? await firstLine(terminal) : undefined;
  const profile = await core().updateProfile(ref, changes, secret);
  terminal.stderr.write(`Updated profile "${profile.name}".\n`);
  for (const warning of profileWarnings(profile)) terminal.stderr.write(`Warning: ${warning}\n`);
  return 0;
}

async function firstLine(terminal: Terminal): Promise<string> {
  return (await readStdinLines(terminal))[0] ?? '';
}
