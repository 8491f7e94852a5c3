import type { Core } from '../../core/core.ts';
import { profileRef } from '../../core/profiles/profile-id.ts';
import { BadInputError } from '../../core/errors.ts';
import { profileWarnings } from '../../core/profiles/profile.ts';
import { unusedByFlow, type StrictFields } from '../../shared/profile-strict-rules.ts';
import type { ParsedCommand } from '../spec/command-spec.ts';
import type { PROFILE_ADD_SPEC, PROFILE_EDIT_SPEC } from '../spec/commands/profile-specs.ts';
import { readStdinLines, type Terminal } from '../terminal.ts';
import { fieldsFromFlags } from './profile-flags.ts';

/** `ctm profile add NAME ...`: validates and stores a profile; a client secret goes to the keychain only. */
export async function addProfile(
  { values, args }: ParsedCommand<typeof PROFILE_ADD_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  const name = args[0] ?? '';
  const missing = (['user-pool-id', 'client-id'] as const).filter((flag) => !values[flag]).map((flag) => `--${flag}`);
  if (missing.length > 0)
    throw new BadInputError(
      `Missing ${missing.join(' and ')}: ctm profile add NAME --user-pool-id ID --client-id ID. See: ctm profile add --help`,
    );
  const fields = fieldsFromFlags(values, false);
  fields.region ??= values['user-pool-id']?.split('_')[0];
  const secret = values['client-secret-stdin'] ? await firstLine(terminal) : undefined;
  const profile = await core().addProfile({ name, ...fields }, secret);
  terminal.stderr.write(
    `Added profile "${profile.name}" (${profile.authFlow}${profile.hasClientSecret ? ', client secret in the keychain' : ''}).\n`,
  );
  for (const warning of profileWarnings(profile)) terminal.stderr.write(`Warning: ${warning}\n`);
  return 0;
}

/** `ctm profile edit NAME ...`: changes only the given fields; the id and keychain entries stay. */
export async function editProfile(
  { values, args }: ParsedCommand<typeof PROFILE_EDIT_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  const ref = args[0] ?? '';
  const changes = fieldsFromFlags(values, true);
  if (values.name !== undefined) changes.name = values.name;
  if (values['client-secret'] === true)
    throw new BadInputError(
      'A client secret is never taken on the command line: pipe it to --client-secret-stdin, or remove it with --no-client-secret.',
    );
  const removeSecret = values['client-secret'] === false;
  if (removeSecret && values['client-secret-stdin'])
    throw new BadInputError('Give either --client-secret-stdin (a new secret) or --no-client-secret (none), not both.');
  if (Object.keys(changes).length === 0 && !values['client-secret-stdin'] && !removeSecret) {
    throw new BadInputError(
      `Nothing changed: give the fields to change, such as --username USER (ctm profile edit --help lists them all).`,
    );
  }
  const app = core();
  const before = await app.resolveProfile(profileRef(ref));
  // A new flow leaves out what it does not use (a USER_AUTH first factor, an OAuth domain...), as the window does.
  const leftOut =
    changes.authFlow === undefined
      ? []
      : unusedByFlow({ ...before, ...changes } as StrictFields).filter(({ field }) => !Object.hasOwn(changes, field));
  for (const { field } of leftOut) changes[field] = undefined;
  const hadSession = (await app.cachedTokens(before.id)) !== undefined;
  const secret = values['client-secret-stdin'] ? await firstLine(terminal) : removeSecret ? null : undefined;
  const profile = await app.updateProfile(before.id, changes, secret);
  const secretNote =
    secret === null
      ? before.hasClientSecret
        ? ['client secret (removed from the keychain)']
        : []
      : secret !== undefined
        ? ['client secret (in the keychain)']
        : [];
  const dropped = new Set<string>(leftOut.map(({ field }) => field));
  const changed = Object.keys(changes).filter(
    (key) =>
      !dropped.has(key) &&
      JSON.stringify((before as Record<string, unknown>)[key]) !==
        JSON.stringify((profile as Record<string, unknown>)[key]),
  );
  if (changed.length === 0 && secretNote.length === 0)
    terminal.stderr.write(`Nothing changed: profile "${profile.name}" already had these values.\n`);
  else terminal.stderr.write(`Updated profile "${profile.name}": ${[...changed, ...secretNote].join(', ')}.\n`);
  for (const unused of leftOut) terminal.stderr.write(`Left out ${unused.message}.\n`);
  // The core forgets the session when the pool, client, endpoint or secret changes (its tokens would be wrong): say so.
  const poolChanged = (['region', 'userPoolId', 'clientId', 'endpoint'] as const).some(
    (key) => before[key] !== profile[key],
  );
  // Only a profile that had a session is signed out by it: one that had none is not told so.
  if (hadSession && (poolChanged || secretNote.length > 0))
    terminal.stderr.write(
      `It was signed in: it is signed out on this computer now (its tokens were for the old ${poolChanged ? 'pool, client or endpoint' : 'client secret'}); sign in again: ctm login ${profile.name}\n`,
    );
  for (const warning of profileWarnings(profile)) terminal.stderr.write(`Warning: ${warning}\n`);
  return 0;
}

async function firstLine(terminal: Terminal): Promise<string> {
  return (await readStdinLines(terminal))[0] ?? '';
}
