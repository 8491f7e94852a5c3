// The shapes of a sign-in conversation, declared once: the core asks and answers in them (main/core/auth), `ctm login`
// prompts with them, and the window's sign-in dialog receives and sends them through the IPC contract.

/** How a person signs a profile in: a password form (then challenges), the system browser, or nothing to ask. */
export type SignInMethod = 'password' | 'browser' | 'none';

/** What the user must answer next, as the UI and `ctm login` show it. Never carries a token or a password. */
export interface ChallengePrompt {
  /** Cognito's challenge name (NEW_PASSWORD_REQUIRED, SMS_MFA, SOFTWARE_TOKEN_MFA, CUSTOM_CHALLENGE, ...). */
  name: string;
  /** Attributes the pool requires with a new password (NEW_PASSWORD_REQUIRED). */
  requiredAttributes?: string[];
  /** Where a code was sent, as Cognito masks it (CODE_DELIVERY_DESTINATION). */
  destination?: string;
  /** The choices offered (SELECT_MFA_TYPE, SELECT_CHALLENGE). */
  options?: string[];
  /** TOTP enrolment (MFA_SETUP): the shared secret and an otpauth:// URI for authenticator apps. */
  totpSecret?: string;
  otpauthUri?: string;
  /** The public parameters of a custom challenge, as the pool's Lambda set them. */
  parameters?: Record<string, string>;
}

/** The user's answer to a ChallengePrompt; which field is read depends on the challenge. */
export interface ChallengeAnswer {
  /** The password, when a SELECT_CHALLENGE answer of PASSWORD or PASSWORD_SRP needs one the sign-in did not start with. */
  password?: string;
  newPassword?: string;
  attributes?: Record<string, string>;
  code?: string;
  /** MFA_SETUP by e-mail: the address to receive codes (the pool then asks EMAIL_OTP with a code sent there). */
  email?: string;
  select?: string;
  answer?: string;
  rememberDevice?: boolean;
}

/** What the sign-in dialog sends first (`ctm login` may add a preferred challenge: main/core/auth/sign-in-types.ts). */
export interface SignInInput {
  username?: string;
  password?: string;
  /** Remember this device (UpdateDeviceStatus) if the pool asks the user to opt in; a later answer may say so too. */
  rememberDevice?: boolean;
}

/**
 * Where a sign-in stands after a step: done, or waiting on a challenge of the conversation `conversationId`. `Id` is
 * how the profile is named: the core's checked profile id, or the plain string the window receives.
 */
export type SignInStep<Id extends string = string> =
  | { kind: 'signed-in'; profileId: Id; expiresAt: number; warning?: string }
  | { kind: 'challenge'; profileId: Id; conversationId: string; prompt: ChallengePrompt };

/** What a sign-out did at the server; the local session is forgotten whatever this says. */
export interface SignOutResult {
  /** True when Cognito confirmed the revocation (RevokeToken, and GlobalSignOut when asked). */
  revoked: boolean;
  /** Set when something was not revoked at the server: a sentence a person can act on (never a token). */
  warning?: string;
}
