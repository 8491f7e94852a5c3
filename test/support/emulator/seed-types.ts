/** The seed document that describes the pools, app clients and users an emulator starts with. */
export interface Seed {
  pools: SeedPool[];
}

/** One user pool of the seed. */
export interface SeedPool {
  id: string;
  requiredAttributes?: string[];
  clients: SeedClient[];
  deviceTracking?: DeviceTracking;
  users: SeedUser[];
  /** Resource servers whose scopes client-credentials tokens may carry. */
  resourceServers?: SeedResourceServer[];
}

/** How a pool remembers devices: never, on every sign-in, or when the user opts in. */
export type DeviceTracking = 'off' | 'always' | 'user-opt-in';

/** One app client of a seeded pool. */
export interface SeedClient {
  id: string;
  secret?: string;
  accessTokenValiditySeconds?: number;
  idTokenValiditySeconds?: number;
  refreshTokenValiditySeconds?: number;
  explicitAuthFlows?: string[];
  refreshTokenRotation?: { enabled: boolean; retryGracePeriodSeconds?: number };
  authSessionValiditySeconds?: number;
  omitExpiresIn?: boolean;
  /** OAuth settings of the client (managed login, client credentials); see oauth/README.md. */
  oauth?: SeedOAuthClient;
}

/** A client's OAuth 2.0 settings, as CreateUserPoolClient names them (CallbackURLs, AllowedOAuthFlows, AllowedOAuthScopes). */
export interface SeedOAuthClient {
  callbackUrls?: string[];
  allowedOAuthFlows?: ('code' | 'client_credentials')[];
  allowedOAuthScopes?: string[];
  supportedIdentityProviders?: string[];
}

/** A resource server of a pool: its identifier prefixes its custom scopes (`<identifier>/<scope>`). */
export interface SeedResourceServer {
  identifier: string;
  scopes: string[];
}

/** A user's account state, as Cognito names it. */
export type UserStatus = 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'UNCONFIRMED' | 'RESET_REQUIRED';

/** An MFA method a user may have enabled. */
export type MfaMethod = 'SOFTWARE_TOKEN_MFA' | 'SMS_MFA' | 'EMAIL_OTP';

/** One seeded user. */
export interface SeedUser {
  username: string;
  password: string;
  attributes?: Record<string, string>;
  status?: UserStatus;
  groups?: string[];
  mfa?: SeedMfa;
  customChallenge?: SeedCustomChallenge;
}

/** A user's MFA settings. */
export interface SeedMfa {
  totpSecret?: string;
  phone?: string;
  email?: string;
  enabled?: MfaMethod[];
  preferred?: MfaMethod;
  setupRequired?: boolean;
}

/** The scripted rounds a CUSTOM_AUTH sign-in goes through (what the pool's Lambdas would do). */
export interface SeedCustomChallenge {
  rounds: { parameters: Record<string, string>; answer: string }[];
  startWithSrp?: boolean;
}
