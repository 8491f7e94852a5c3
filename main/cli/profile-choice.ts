import type { Core } from '../core/core.ts';
import { BadInputError } from '../core/errors.ts';
import type { Profile } from '../core/profiles/profile.ts';
import { profileRef } from '../core/profiles/profile-id.ts';

/**
 * The profile a command acts on: its NAME argument, else CTM_PROFILE (as AWS_PROFILE works for the AWS CLI, and
 * as `ctm exec` sets it), else the default profile (the one the app's global shortcut copies). The parser has
 * already refused more than one NAME.
 */
export async function chosenProfile(
  positionals: string[],
  app: Core,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Profile> {
  const [named] = positionals;
  if (named) return app.resolveProfile(profileRef(named));
  if (env.CTM_PROFILE) return app.resolveProfile(profileRef(env.CTM_PROFILE));
  const profile = await app.defaultProfile();
  if (profile) return profile;
  // Name the profiles there are, so the hint is a command that runs (gh and op list the choices too).
  const names = (await app.listProfiles()).map((p) => p.name);
  if (names.length === 0)
    throw new BadInputError('No profiles yet. Add one with: ctm profile add NAME --user-pool-id P --client-id C');
  const shown = names.length > 6 ? `${names.slice(0, 6).join(', ')}...` : names.join(', ');
  throw new BadInputError(
    `Missing profile name: give one (${shown}), set CTM_PROFILE, or choose a default profile: ctm profile default ${names[0] ?? ''}`,
  );
}
