import type { Profile } from '../profiles/profile.ts';
import type { ProfileId } from '../profiles/profile-id.ts';
import type { ProfileState } from '../scheduler/profile-state.ts';
import type { ChallengePrompt } from '../auth/sign-in-types.ts';

/** A profile with its session state; never a token. */
export interface ProfileStatus {
  profile: Profile;
  state: ProfileState;
  /** When the access token expires (epoch ms), when there is a session. */
  expiresAt?: number;
  /** The last problem, as a message a person can act on. */
  problem?: string;
}

/** Where a sign-in stands after a step: done, or waiting on a challenge of the conversation `conversationId`. */
export type SignInStep =
  | { kind: 'signed-in'; profileId: ProfileId; expiresAt: number; warning?: string }
  | { kind: 'challenge'; profileId: ProfileId; conversationId: string; prompt: ChallengePrompt };
