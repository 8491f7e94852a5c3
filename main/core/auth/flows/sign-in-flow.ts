import type { SignInMethod } from '../../../shared/sign-in-steps.ts';
import type { Logger } from '../../logging/logger.ts';
import type { CognitoTransport } from '../../cognito/transport.ts';
import type { OpenUrl } from '../../oauth/managed-login.ts';
import type { Profile } from '../../profiles/profile.ts';
import type { TokenSet } from '../../tokens/token-set.ts';
import type { DeviceMemory } from '../device-memory.ts';
import type { Revocation } from '../sign-out.ts';
import type { ChallengeAnswer, ChallengePrompt, SignInCredentials, SignInOutcome } from '../sign-in-types.ts';

// How a person signs in with a kind; declared once in main/shared (the window reads it as ProfileView.signIn).
export type { SignInMethod } from '../../../shared/sign-in-steps.ts';

/** What the session service lends a flow: the wire, the time, and the keychain entries that belong to the profile. */
export interface FlowServices {
  transport: CognitoTransport;
  now: () => number;
  /** The profile's client secret (undefined for a public client); throws when the keychain lost it. */
  clientSecret: () => Promise<string | undefined>;
  /** The device memory of a user of the profile's pool (`typed` as entered, `lastUser` as Cognito named them last). */
  devices: (typed: string | undefined, lastUser?: string) => DeviceMemory;
  /** The user Cognito named in the profile's last session, if any (to find a device remembered under that name). */
  lastUser: () => Promise<string | undefined>;
  /** Remembers that the profile's endpoint lacks GetTokensFromRefreshToken (a failure only costs one call later). */
  rememberRefreshFallback: () => Promise<void>;
  /** Where a flow says what it decided that a person may want to know (`--debug`, the app's log). */
  logger?: Logger;
}

/** What starting a sign-in gets: the person's first answers, a way to show a URL, and a signal that cancels. */
export interface StartRequest {
  credentials: SignInCredentials;
  /** Shows the managed-login page (the system browser or a printed URL); without it a browser kind cannot start. */
  open?: OpenUrl | undefined;
  /** How long a browser sign-in waits for the redirect (default: the kind's own). */
  timeoutMs?: number | undefined;
  /** Aborted when the person gives up (the window's Cancel). */
  signal: AbortSignal;
}

/** A sign-in waiting on the person: each answer gives the next step. */
export interface Conversation {
  answer(answer: ChallengeAnswer): Promise<SignInOutcome>;
}

/** The first step of a sign-in: tokens at once, or a challenge with the conversation that takes its answer. */
export type FlowStart =
  | Extract<SignInOutcome, { kind: 'tokens' }>
  | { kind: 'challenge'; prompt: ChallengePrompt; conversation: Conversation };

/** One kind of sign-in for one profile: how it starts, renews and ends. Caching and saving stay with the caller. */
export interface SignInFlow {
  start(request: StartRequest): Promise<FlowStart>;
  /** New tokens from the stored session; a RefreshRefusedError (or a definite refusal) means a new sign-in is needed. */
  renew(session: TokenSet | undefined): Promise<TokenSet>;
  /** Revokes at the server what can be revoked; never throws for the server's refusal (the result warns). */
  signOut(session: TokenSet, options: { global: boolean; renew: () => Promise<TokenSet> }): Promise<Revocation>;
}

/** A kind of sign-in: what the screens need to know of it, and how to build its flow for a profile. */
export interface FlowKind {
  readonly signIn: SignInMethod;
  /** True when renewing needs no stored session because the kind simply asks again (client credentials). */
  readonly renewsWithoutSession: boolean;
  /** Whether the first step must carry a password (false when the pool may ask for one later, or never). */
  passwordRequired(profile: Profile): boolean;
  /** The flow of one profile over the services it may call. */
  create(profile: Profile, services: FlowServices): SignInFlow;
}
