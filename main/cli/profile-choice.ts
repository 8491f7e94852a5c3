import type { Core } from '../core/core.ts';
import { BadInputError } from '../core/errors.ts';
import type { Profile } from '../core/profiles/profile.ts';
import { defaultProfile } from '../core/profiles/default-profile.ts';

/**
 * The profile a command acts on: its NAME argument, else CTM_PROFILE (as AWS_PROFILE works for the AWS CLI, and
 * as `ctm exec` sets it), else the app's default profile (the one its global shortcut copies).
 */
export async function chosenProfile(positionals: string[], app: Core, usage: string, env: NodeJS.ProcessEnv = process.env): Promise<Profile> {
  const [named, ...rest] = positionals;
  if (rest.length > 0) throw new BadInputError(`Unexpected argument "${rest[0]}".\nUsage: ${usage}`);
  if (named) return app.profiles.get(named);
  if (env.CTM_PROFILE) return app.profiles.get(env.CTM_PROFILE);
  const profile = await defaultProfile(app.profiles);
  if (profile) return profile;
  throw new BadInputError(`Missing profile name: give one, set CTM_PROFILE, or choose a default profile in the app's settings.\nUsage: ${usage}`);
}
