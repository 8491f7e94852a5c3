import type { TokenSet } from '../tokens/token-set.ts';

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

/** The first thing a sign-in needs. */
export interface SignInCredentials {
  username?: string;
  password?: string;
  /** The challenge to ask for with USER_AUTH (PREFERRED_CHALLENGE); overrides the profile's. */
  preferredChallenge?: string;
  /** Remember this device (UpdateDeviceStatus) if the pool asks the user to opt in; a later answer may say so too. */
  rememberDevice?: boolean;
}

/** One step of a sign-in conversation: finished with tokens, or waiting for an answer. */
export type SignInOutcome =
  { kind: 'tokens'; tokens: TokenSet; warning?: string } | { kind: 'challenge'; prompt: ChallengePrompt };
