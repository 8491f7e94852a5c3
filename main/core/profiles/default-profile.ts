import { dirname } from 'node:path';
import { ConfigError } from '../errors.ts';
import { SettingsStore } from '../settings/settings-store.ts';
import { defaultProfileIn } from './default-choice.ts';
import type { Profile } from './profile.ts';
import type { ProfileStore } from './profile-store.ts';

/**
 * The app's default profile (defaultProfileIn: the one its global shortcut copies and `ctm` uses without a name), if
 * it still exists. A settings.json with a hand edit to fix is reported (ConfigError, its line and column), as
 * profiles.json is.
 */
export async function defaultProfile(profiles: ProfileStore): Promise<Profile | undefined> {
  const reading = await new SettingsStore(dirname(profiles.path)).read();
  if (reading.problem && reading.keep) throw new ConfigError(reading.problem);
  return defaultProfileIn(reading.settings, await profiles.list());
}
