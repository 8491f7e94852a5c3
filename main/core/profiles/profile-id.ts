import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { NotFoundError } from '../errors.ts';

/** A stored profile's stable id (profiles.json's `id`, a UUID): keychain entries and the core's maps are keyed by it. */
export const profileIdSchema = z.uuid().brand<'ProfileId'>();

/** A profile's stable id; only profiles.json (through ProfileStore) and the IPC edge (profileIdFrom) make one. */
export type ProfileId = z.infer<typeof profileIdSchema>;

/** What a person typed, and how it is marked (main/core/profiles/profile-ref.ts). */
export { profileRef, type ProfileRef } from './profile-ref.ts';

/**
 * The IPC edge's check: the window names profiles by id only, so anything that is not an id's shape is an unknown
 * profile (a name is refused, not looked up).
 */
export function profileIdFrom(value: string): ProfileId {
  const parsed = profileIdSchema.safeParse(value);
  if (!parsed.success) throw new NotFoundError('That profile no longer exists.');
  return parsed.data;
}

/** A new profile's id. */
export function newProfileId(): ProfileId {
  return randomUUID() as ProfileId;
}
