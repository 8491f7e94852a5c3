/**
 * Where the scheduler stands with one profile:
 * - `signed-out`: no session, nothing to do;
 * - `scheduled`: a refresh is planned at `nextRefreshAt`;
 * - `refreshing`: a refresh is running;
 * - `retrying`: the last refresh failed for a reason that may pass (network, 5xx, throttling, keychain); the stored
 *   refresh token is kept and the next try is at `nextRefreshAt`;
 * - `off`: automatic renewal is switched off for the profile (or its session has no refresh token); tokens expire;
 * - `sign-in-required`: Cognito refused the refresh token, which was removed;
 * - `error`: a problem someone has to fix (configuration, client secret); retried on the next catch-up or sign-in.
 */
export type RefreshState = 'signed-out' | 'scheduled' | 'refreshing' | 'retrying' | 'off' | 'sign-in-required' | 'error';

/** What the tray, notifications and the window are told when a profile's refresh state changes; never a token. */
export interface RefreshChange {
  profileId: string;
  profileName: string;
  state: RefreshState;
  /** Access-token expiry (epoch ms), when there is a session. */
  expiresAt?: number;
  /** When the scheduler will next refresh or retry (epoch ms). */
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
