import type { Profile } from '../profiles/profile.ts';
import type { ChallengePrompt } from '../auth/sign-in-types.ts';

/** Where a profile stands: no session, valid tokens, tokens past expiry, a refresh running, or a sign-in needed. */
export type SessionState = 'signed-out' | 'signed-in' | 'expired' | 'refreshing' | 'sign-in-required' | 'error';

/** A profile with its session state; never a token. */
export interface ProfileStatus {
  profile: Profile;
  state: SessionState;
  /** When the access token expires (epoch ms), when there is a session. */
  expiresAt?: number;
  /** The last problem, as a message a person can act on. */
  problem?: string;
}

/** Where a sign-in stands after a step: done, or waiting on a challenge of the conversation `conversationId`. */
export type SignInStep =
  | { kind: 'signed-in'; profileId: string; expiresAt: number; warning?: string }
  | { kind: 'challenge'; profileId: string; conversationId: string; prompt: ChallengePrompt };

/** The state of a profile from what is known of its session, at `now`. */
export function sessionState(expiresAt: number | undefined, hasRefreshToken: boolean, now: number, problem?: 'sign-in-required' | 'error'): SessionState {
  if (problem) return problem;
  if (expiresAt === undefined) return 'signed-out';
  if (expiresAt > now) return 'signed-in';
  return hasRefreshToken ? 'expired' : 'sign-in-required';
}
