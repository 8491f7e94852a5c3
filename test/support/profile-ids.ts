import type { Core } from '../../main/core/core.ts';
import { profileRef, type ProfileId } from '../../main/core/profiles/profile-id.ts';

/** The id of the profile named `name` (tests name their profiles; the core's methods take ids, as the window's do). */
export async function idOf(core: Pick<Core, 'resolveProfile'>, name: string): Promise<ProfileId> {
  return (await core.resolveProfile(profileRef(name))).id;
}

/** A fixed id for a profile built in a test without profiles.json (fakes, fixtures); real ids come from the store. */
export function testProfileId(text: string): ProfileId {
  return text as ProfileId;
}
