import { dirname } from 'node:path';
import { SettingsStore } from '../settings/settings-store.ts';
import type { Profile } from './profile.ts';
import type { ProfileStore } from './profile-store.ts';

/** The app's default profile (the one its global shortcut copies and `ctm` uses without a name), if it still exists. */
export async function defaultProfile(profiles: ProfileStore): Promise<Profile | undefined> {
  const { defaultProfileId } = await new SettingsStore(dirname(profiles.path)).get();
  if (!defaultProfileId) return undefined;
  return (await profiles.list()).find((p) => p.id === defaultProfileId);
}
