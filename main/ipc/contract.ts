// The one API both processes code against. This file imports nothing: the renderer's project type-checks it too.

/** Where a profile's session stands. */
export type ProfileState = 'signed-out' | 'signed-in' | 'expired' | 'refreshing' | 'sign-in-required' | 'error';
/** Which token to copy. */
export type TokenKind = 'access' | 'id';
/** How a copied token is written. */
export type CopyFormat = 'raw' | 'header' | 'env' | 'curl';

/** A profile as the renderer sees it: settings and state, never a token or a secret. */
export interface ProfileView {
  id: string;
  name: string;
  region: string;
  userPoolId: string;
  clientId: string;
  username?: string;
  authFlow: string;
  hasClientSecret: boolean;
  autoRefresh: boolean;
  state: ProfileState;
  /** Access-token expiry, epoch milliseconds. */
  expiresAt?: number;
  /** The last problem, worded for a person. */
  problem?: string;
}

/** What the user types to create a profile; the client secret goes straight to the keychain. */
export interface ProfileInput {
  name: string;
  region: string;
  userPoolId: string;
  clientId: string;
  clientSecret?: string;
  username?: string;
  authFlow?: string;
  endpoint?: string;
}

/** A challenge the sign-in dialog must ask about. */
export interface ChallengeView {
  name: string;
  requiredAttributes?: string[];
  destination?: string;
  options?: string[];
  totpSecret?: string;
  otpauthUri?: string;
  parameters?: Record<string, string>;
}

/** The user's answer to a challenge. */
export interface ChallengeAnswerInput {
  newPassword?: string;
  attributes?: Record<string, string>;
  code?: string;
  select?: string;
  answer?: string;
  rememberDevice?: boolean;
}

/** Where a sign-in stands after a step. */
export type SignInStepView =
  | { kind: 'signed-in'; profileId: string; expiresAt: number }
  | { kind: 'challenge'; profileId: string; conversationId: string; prompt: ChallengeView };

/** Every operation the renderer may ask of the main process. */
export interface Api {
  listProfiles(): Promise<ProfileView[]>;
  addProfile(input: ProfileInput): Promise<ProfileView>;
  removeProfile(profileId: string): Promise<void>;
  signIn(profileId: string, credentials: { username?: string; password?: string }): Promise<SignInStepView>;
  answerChallenge(conversationId: string, answer: ChallengeAnswerInput): Promise<SignInStepView>;
  refreshNow(profileId: string): Promise<ProfileView>;
  signOut(profileId: string): Promise<void>;
  copyToken(profileId: string, kind: TokenKind, format: CopyFormat): Promise<void>;
}

/** The names of Api's methods, in one list that the preload and the handlers both walk. */
export const API_METHODS = ['listProfiles', 'addProfile', 'removeProfile', 'signIn', 'answerChallenge', 'refreshNow', 'signOut', 'copyToken'] as const satisfies readonly (keyof Api)[];

/** Every IPC channel is `ctm:<method>`; the preload refuses anything else. */
export const CHANNEL_PREFIX = 'ctm:';

/** An error as it crosses IPC: a code to branch on and a message to show. */
export interface ApiError {
  code: string;
  message: string;
}

/** What every handler answers: a value or an error, so nothing depends on how Electron serialises exceptions. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the preload exposes as `window.api`: each Api method, answering an ApiResult. */
export type Bridge = { [K in keyof Api]: (...args: Parameters<Api[K]>) => Promise<ApiResult<Awaited<ReturnType<Api[K]>>>> };

/** The global name the preload exposes the bridge under. */
export const BRIDGE_NAME = 'api';

/** Compile-time proof that API_METHODS lists every method of Api. */
export const API_METHODS_COMPLETE: Exclude<keyof Api, (typeof API_METHODS)[number]> extends never ? true : false = true;
