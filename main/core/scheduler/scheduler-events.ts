import type { ProfileState } from './profile-state.ts';

/** What the tray, notifications and the window are told when a profile's refresh state changes; never a token. */
export interface RefreshChange {
  profileId: string;
  profileName: string;
  /** The one state model (profile-state.ts); `fresh` has its renewal planned at `nextRefreshAt`. */
  state: ProfileState;
  /** Access-token expiry (epoch ms), when there is a session. */
  expiresAt?: number;
  /** When the scheduler will next refresh or retry (epoch ms); absent for a failure someone has to fix (retried at catch-up). */
  nextRefreshAt?: number;
  /** Consecutive failed tries (retrying). */
  attempt?: number;
  /** The last problem, as a message a person can act on. */
  message?: string;
}

/** A subscriber to refresh state changes. */
export type RefreshListener = (change: RefreshChange) => void;

/** Why the scheduler is asked to catch up: the machine woke, the screen was unlocked, the clock jumped, the network came back. */
export type CatchUpReason = 'wake' | 'unlock' | 'clock-jump' | 'online';
