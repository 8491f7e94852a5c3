import type { Core } from '../../core/core.ts';
import { BadInputError } from '../../core/errors.ts';
import { profileWarnings } from '../../core/profiles/profile.ts';
import { parseFlags, onePositional } from '../parse.ts';
import { readStdinLines, type Terminal } from '../terminal.ts';
import { fieldsFromFlags, PROFILE_FIELD_FLAGS, PROFILE_FIELD_HELP } from './profile-flags.ts';

/** Usage of `ctm profile add`. */
export const PROFILE_ADD_USAGE = 'ctm profile add NAME --user-pool-id P --client-id C [--region R] [--client-secret-stdin] [--username U] [--auth-flow FLOW] [--endpoint URL] [more flags: --help]';
/** Usage of `ctm profile edit`. */
export const PROFILE_EDIT_USAGE = 'ctm profile edit NAME [--name NEW] [any flag of profile add; "" clears an optional one]';

/** `ctm profile add NAME ...`: validates and stores a profile; a client secret goes to the keychain only. */
export async function addProfile(args: string[], core: () => Core, terminal: Terminal): Promise<number> {
  const { positionals, values } = parseFlags(args, PROFILE_FIELD_FLAGS, PROFILE_ADD_USAGE);
  if (values.help) return help(terminal, PROFILE_ADD_USAGE, 'Adds a profile: one app client of one user pool (and optionally one user).');
  const name = onePositional(positionals, 'profile name', PROFILE_ADD_USAGE);
  const missing = (['user-pool-id', 'client-id'] as const).filter((flag) => !values[flag]).map((flag) => `--${flag}`);
  if (missing.length > 0) throw new BadInputError(`Missing ${missing.join(' and ')}. Usage: ${PROFILE_ADD_USAGE}`);
  const fields = fieldsFromFlags(values, false);
  fields.region ??= values['user-pool-id']?.split('_')[0];
  const secret = values['client-secret-stdin'] ? await firstLine(terminal) : undefined;
  const profile = await core().addProfile({ name, ...fields }, secret);
  terminal.stderr.write(`Added profile "${profile.name}" (${profile.authFlow}${profile.hasClientSecret ? ', client secret in the keychain' : ''}).\n`);
  for (const warning of profileWarnings(profile)) terminal.stderr.write(`Warning: ${warning}\n`);
  return 0;
}

/** `ctm profile edit NAME ...`: changes only the given fields; the id and keychain entries stay. */
export async function editProfile(args: string[], core: () => Core, terminal: Terminal): Promise<number> {
  const { positionals, values } = parseFlags(args, { ...PROFILE_FIELD_FLAGS, name: { type: 'string' } }, PROFILE_EDIT_USAGE);
  if (values.help) return help(terminal, PROFILE_EDIT_USAGE, 'Changes a profile. A change of pool, client or endpoint signs it out (its tokens would be wrong).');
  const ref = onePositional(positionals, 'profile name', PROFILE_EDIT_USAGE);
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

function help(terminal: Terminal, usage: string, what: string): number {
  terminal.stdout.write(`Usage: ${usage}\n\n${what}\n\n${PROFILE_FIELD_HELP}\n`);
  return 0;
}
