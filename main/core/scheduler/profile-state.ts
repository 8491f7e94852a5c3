/**
 * Where a profile stands, the one model the window, the tray and `ctm status` show (the scheduler owns it in the app):
 * - `signed-out`: no session;
 * - `fresh`: a session whose renewal is on track (renewed before it expires, or at its next use by `ctm`);
 * - `renewing`: a renewal is running;
 * - `retrying`: the last renewal failed; the stored refresh token is kept and tried again (at `nextRefreshAt`, or at the
 *   next catch-up or use when the problem needs someone to fix it); `problem` says what failed;
 * - `needs-sign-in`: Cognito refused the refresh token, or the session expired with none;
 * - `off`: a session that is not renewed (automatic renewal is off for the profile, or it has no refresh token).
 */
export type ProfileState = 'signed-out' | 'fresh' | 'renewing' | 'retrying' | 'needs-sign-in' | 'off';

/** What the state of a profile is decided from. */
export interface StateFacts {
  /** Access-token expiry of the stored session; undefined without one. */
  expiresAt: number | undefined;
  /** The session can be renewed: it has a refresh token, or its kind asks again (client credentials). */
  renewable: boolean;
  autoRefresh: boolean;
  renewing: boolean;
  /** The last renewal's failure: refused (a sign-in is needed) or failed (may pass, or needs fixing). */
  failure?: 'refused' | 'failed' | undefined;
}

/** The state of a profile at `now`. */
export function profileState(facts: StateFacts, now: number): ProfileState {
  if (facts.renewing) return 'renewing';
  if (facts.failure === 'refused') return 'needs-sign-in';
  if (facts.expiresAt === undefined) return 'signed-out';
  if (facts.failure === 'failed') return 'retrying';
  if (!facts.renewable) return facts.expiresAt > now ? 'off' : 'needs-sign-in';
  return facts.autoRefresh || facts.expiresAt > now ? (facts.autoRefresh ? 'fresh' : 'off') : 'off';
}
