import { refreshDueAt } from './refresh-timing.ts';
import type { ProfileId } from '../profiles/profile-id.ts';
import type { ProfileState } from './profile-state.ts';
import type { RefreshChange } from './scheduler-events.ts';

/** What the scheduler knows and plans for one profile. */
export interface Entry {
  profileId: ProfileId;
  name: string;
  autoRefresh: boolean;
  expiresAt?: number;
  issuedAt?: number;
  hasRefreshToken: boolean;
  /** When to act next (refresh or retry); undefined = nothing planned. */
  dueAt?: number;
  attempt: number;
  state: ProfileState;
  message?: string;
  queued: boolean;
  running: boolean;
}

/** Decides the state and the due time from what is known of the session and the profile's switch. */
export function planEntry(entry: Entry, random: () => number): void {
  if (entry.expiresAt === undefined) {
    if (entry.state !== 'needs-sign-in') entry.state = 'signed-out';
    entry.dueAt = undefined;
  } else if (!entry.autoRefresh || !entry.hasRefreshToken) {
    entry.state = 'off';
    entry.dueAt = undefined;
  } else {
    entry.state = 'fresh';
    entry.dueAt = refreshDueAt(entry.expiresAt, entry.issuedAt ?? entry.expiresAt, random);
  }
}

/** The public view of an entry: never a token. */
export function viewOf(entry: Entry): RefreshChange {
  return {
    profileId: entry.profileId,
    profileName: entry.name,
    state: entry.state,
    ...(entry.expiresAt !== undefined ? { expiresAt: entry.expiresAt } : {}),
    ...(entry.dueAt !== undefined ? { nextRefreshAt: entry.dueAt } : {}),
    ...(entry.attempt > 0 ? { attempt: entry.attempt } : {}),
    ...(entry.message ? { message: entry.message } : {}),
  };
}
