// The one API both processes code against. It imports only types, and only from main/shared (pure code the renderer
// compiles too): the renderer's project type-checks this file, and no schema or Node module reaches the page. Shapes
// the core shares with the window are declared once in main/shared and named here; the argument schemas of
// argument-schemas.ts are typed by this file and fail to compile when they drift from it.

import type { AppSettings } from '../shared/app-settings.ts';
import type { AwsExportShell, TokenFormat, TokenKind } from '../shared/copy-formats.ts';
import type { ErrorKind } from '../shared/error-kinds.ts';
import type { ImportServer } from '../shared/import-servers.ts';
import type { ProfileState } from '../shared/profile-state.ts';
import type {
  ChallengeAnswer,
  ChallengePrompt,
  SignInInput,
  SignInMethod,
  SignInStep,
  SignOutResult,
} from '../shared/sign-in-steps.ts';
import type { TokenInspection } from '../shared/token-inspection.ts';

export type { AwsExportShell, ProfileState, SignInInput, TokenKind };
/** How a copied token is written. */
export type CopyFormat = TokenFormat;

/** A profile as the renderer sees it: settings and state, never a token or a secret. */
export interface ProfileView {
  id: string;
  name: string;
  region: string;
  userPoolId: string;
  clientId: string;
  username?: string;
  authFlow: string;
  /** How the window signs it in: a password form (then challenges), the system browser, or nothing to ask. */
  signIn: SignInMethod;
  /** Set when the first step may go without a password (the pool may ask for one later, or not at all). */
  passwordOptional?: true;
  hasClientSecret: boolean;
  autoRefresh: boolean;
  state: ProfileState;
  /** Access-token expiry, epoch milliseconds. */
  expiresAt?: number;
  /** The last problem, worded for a person. */
  problem?: string;
  /** The custom Cognito endpoint, when the profile has one (emulators, VPC endpoints). */
  endpoint?: string;
  /** MANAGED_LOGIN / CLIENT_CREDENTIALS: the user pool's domain, the OAuth scopes, the identity provider to go straight to. */
  domain?: string;
  scopes?: string[];
  identityProvider?: string;
  idpIdentifier?: string;
  /** The Cognito identity pool whose AWS credentials the profile gets (ctm aws-credentials; the inspector's AWS part). */
  identityPoolId?: string;
  /** Requests go to Cognito's FIPS endpoint (always so in GovCloud). */
  fips?: boolean;
  /** The environment the user put the profile in ("dev", "staging", "prod" or their own); absent: suggested from the name. */
  environment?: string;
  /** The environment's colour when the user chose one (main/shared/environments.ts ENVIRONMENT_COLOURS). */
  environmentColour?: string;
  /** Shown first in the window and the tray. */
  pinned?: boolean;
}

/** What the user types to create a profile; the client secret goes straight to the keychain. */
export interface ProfileInput {
  name: string;
  region: string;
  userPoolId: string;
  clientId: string;
  clientSecret?: string;
  /** Edit only: forget the stored client secret (the profile is signed out); refused with a new secret at once. */
  removeClientSecret?: boolean;
  username?: string;
  authFlow?: string;
  endpoint?: string;
  domain?: string;
  scopes?: string[];
  identityProvider?: string;
  idpIdentifier?: string;
  /** Use Cognito's FIPS endpoint; only in the regions that have one (main/shared/fips.ts). */
  fips?: boolean;
  /** "dev", "staging", "prod" or the user's own environment; empty or absent: none (the name's suggestion is shown). */
  environment?: string;
  environmentColour?: string;
  pinned?: boolean;
}

/** A challenge the sign-in dialog must ask about. */
export type ChallengeView = ChallengePrompt;
/** The user's answer to a challenge. */
export type ChallengeAnswerInput = ChallengeAnswer;
/** Where a sign-in stands after a step (the profile named by its id). */
export type SignInStepView = SignInStep;
/** A token decoded for the inspector: never the token itself nor its signature. */
export type TokenInspectionView = TokenInspection;
/** App settings the window can change; never a secret. */
export type SettingsView = AppSettings;
/** What a sign-out did at the server (the session is forgotten locally either way). */
export type SignOutView = SignOutResult;

/** Every operation the renderer may ask of the main process. */
export interface Api {
  listProfiles(): Promise<ProfileView[]>;
  addProfile(input: ProfileInput): Promise<ProfileView>;
  /** Changes a profile's fields; an empty or missing client secret keeps the stored one. */
  updateProfile(profileId: string, input: ProfileInput): Promise<ProfileView>;
  /** Deletes a profile; with `revoke`, revokes its refresh token first and deletes nothing when that fails. */
  removeProfile(profileId: string, options?: { revoke?: boolean }): Promise<void>;
  /** The servers that are not AWS's which an import file's profiles would sign in at: shown for confirmation first. */
  importServers(fileName: string, text: string): Promise<ImportServerView[]>;
  /**
   * Adds the profiles found in an Amplify configuration or an export file, all or none; answers the added ones. Every
   * server importServers named must be in `confirmedServers`, else nothing is imported.
   */
  importProfiles(fileName: string, text: string, confirmedServers?: string[]): Promise<ProfileView[]>;
  /** Every profile as an export file (no secret). */
  exportProfiles(): Promise<string>;
  signIn(profileId: string, credentials: SignInInput): Promise<SignInStepView>;
  answerChallenge(conversationId: string, answer: ChallengeAnswerInput): Promise<SignInStepView>;
  /** Gives up a managed login that waits for the browser (its loopback listener closes); nothing happens if none waits. */
  cancelSignIn(profileId: string): Promise<void>;
  refreshNow(profileId: string): Promise<ProfileView>;
  /** Always forgets the session here; `warning` says what the server did not revoke (revocation off, offline). */
  signOut(profileId: string): Promise<SignOutView>;
  copyToken(profileId: string, kind: TokenKind, format: CopyFormat): Promise<void>;
  /** Clears the clipboard now if it still holds the token copied last ("Clear now" after a copy). */
  clearClipboard(): Promise<void>;
  inspectToken(profileId: string, kind: TokenKind): Promise<TokenInspectionView>;
  /** Copies the profile's identity-pool AWS credentials as shell exports (renewed first when needed). */
  copyAwsExports(profileId: string, shell: AwsExportShell): Promise<void>;
  /** The identity-pool identity of a profile and when its cached AWS credentials expire; null without an identity pool or credentials. */
  awsIdentity(profileId: string): Promise<AwsIdentityView | null>;
  /** What an API client needs for the local token endpoint (issue 22), without the secret: copyEndpointSecret copies it. */
  endpointCredentials(profileId: string): Promise<EndpointCredentialsView>;
  /** Copies the profile's endpoint client secret (created on first use), cleared after the clipboard time. */
  copyEndpointSecret(profileId: string): Promise<void>;
  getSettings(): Promise<SettingsView>;
  updateSettings(changes: Partial<SettingsView>): Promise<SettingsView>;
}

/** The local token endpoint's settings for one profile, as an API client takes them (the secret stays in main). */
export interface EndpointCredentialsView {
  tokenUrl: string;
  /** The profile's name. */
  clientId: string;
  /** False when the agent serves no endpoint (port 0 in endpoint.json). */
  served: boolean;
}

/** What the inspector shows of a profile's identity-pool credentials (never a key). */
export interface AwsIdentityView {
  identityId: string;
  region: string;
  /** ISO 8601. */
  expiresAt: string;
}

/** A server that is not AWS's named by an import file, and its profiles: shown for confirmation before an import. */
export type ImportServerView = ImportServer;

/** The names of Api's methods, in one list that the preload and the handlers both walk. */
export const API_METHODS = [
  'listProfiles',
  'addProfile',
  'updateProfile',
  'removeProfile',
  'importServers',
  'importProfiles',
  'exportProfiles',
  'signIn',
  'answerChallenge',
  'cancelSignIn',
  'refreshNow',
  'signOut',
  'copyToken',
  'clearClipboard',
  'inspectToken',
  'copyAwsExports',
  'awsIdentity',
  'endpointCredentials',
  'copyEndpointSecret',
  'getSettings',
  'updateSettings',
] as const satisfies readonly (keyof Api)[];

/** Every IPC channel is `ctm:<method>`; the preload refuses anything else. */
export const CHANNEL_PREFIX = 'ctm:';

/** The one channel main pushes on (no payload): "profiles or their states changed, list them again". */
export const CHANGED_CHANNEL = 'ctm:event:changed';

/** Main asks the page to open the sign-in dialog of a profile (the tray's "Sign in..."); the payload is the profile id. */
export const SIGN_IN_REQUESTED_CHANNEL = 'ctm:event:sign-in';

/** Main asks the page to open its quick-copy palette (the global quick-copy shortcut); no payload. */
export const QUICK_COPY_REQUESTED_CHANNEL = 'ctm:event:quick-copy';

/** The error code of an answer whose sign-in conversation is over: the dialog starts again from its first step. */
export const SIGN_IN_ENDED = 'sign-in-ended';

/** What an error's code can be: a kind of failure, SIGN_IN_ENDED, or `forbidden` (a page that is not the app's own). */
export type ApiErrorCode = ErrorKind | typeof SIGN_IN_ENDED | 'forbidden';

/** An error as it crosses IPC: a code to branch on and a message to show. */
export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

/** What every handler answers: a value or an error, so nothing depends on how Electron serialises exceptions. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the preload exposes as `window.api`: each Api method, answering an ApiResult, plus a change subscription. */
export type Bridge = {
  [K in keyof Api]: (...args: Parameters<Api[K]>) => Promise<ApiResult<Awaited<ReturnType<Api[K]>>>>;
} & {
  /** Calls `listener` (with no argument) whenever main says the profiles changed; returns the unsubscribe. */
  onChanged(listener: () => void): () => void;
  /** Calls `listener` with a profile id when the tray asks to sign that profile in; returns the unsubscribe. */
  onSignInRequested(listener: (profileId: string) => void): () => void;
  /** Calls `listener` when the quick-copy shortcut was pressed (the window was brought up for it); returns the unsubscribe. */
  onQuickCopyRequested(listener: () => void): () => void;
};

/** The global name the preload exposes the bridge under. */
export const BRIDGE_NAME = 'api';

/** Compile-time proof that API_METHODS lists every method of Api. */
export const API_METHODS_COMPLETE: Exclude<keyof Api, (typeof API_METHODS)[number]> extends never ? true : false = true;
