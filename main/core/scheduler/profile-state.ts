// The states and what each means are declared once in main/shared (the window and the tray show them); this module
// decides which one a profile is in.
import type { ProfileState } from '../../shared/profile-state.ts';
export type { ProfileState } from '../../shared/profile-state.ts';

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
