import type { ChallengePrompt, SignInInput } from '../../shared/sign-in-steps.ts';
import type { TokenSet } from '../tokens/token-set.ts';

// The prompt and the answer are declared once in main/shared (the window's dialog and the IPC contract use them too).
export type { ChallengeAnswer, ChallengePrompt } from '../../shared/sign-in-steps.ts';

/** The first thing a sign-in needs: what the window sends, and for `ctm login` a preferred challenge. */
export interface SignInCredentials extends SignInInput {
  /** The challenge to ask for with USER_AUTH (PREFERRED_CHALLENGE); overrides the profile's. */
  preferredChallenge?: string;
}

/** One step of a sign-in conversation: finished with tokens, or waiting for an answer. */
export type SignInOutcome =
  { kind: 'tokens'; tokens: TokenSet; warning?: string } | { kind: 'challenge'; prompt: ChallengePrompt };
