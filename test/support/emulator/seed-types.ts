/** The seed document that describes the pools, app clients and users an emulator starts with. */
export interface Seed {
  pools: SeedPool[];
  /** IAM users whose access keys sign the administrator API and STS (aws/README section of the emulator README). */
  iam?: SeedIam;
  /** Cognito identity pools (cognito-identity) that trust the seeded user pools. */
  identityPools?: SeedIdentityPool[];
}

/** The emulated AWS account and its IAM users. */
export interface SeedIam {
  /** 12 digits (default 123456789012). */
  accountId?: string;
  users: SeedIamUser[];
}

/** An IAM user with one access key. */
export interface SeedIamUser {
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** IAM actions its policy allows (`cognito-idp:AdminInitiateAuth`, `cognito-idp:*`, `*`); default `["*"]`. */
  allow?: string[];
}

/** An identity pool (`<region>:<uuid>`). */
export interface SeedIdentityPool {
  id: string;
  /** The user pools and app clients whose ID tokens it accepts (CognitoIdentityProviders). */
  providers: { userPoolId: string; clientId: string }[];
  authenticatedRoleArn?: string;
  unauthenticatedRoleArn?: string;
  /** AllowUnauthenticatedIdentities (default false). */
  allowUnauthenticated?: boolean;
  /** 'Token': roles from the ID token's cognito:roles / cognito:preferred_role (the pool's groupRoles). */
  roleMapping?: 'Token';
  /** Lifetime of the temporary credentials (AWS: 3600). */
  credentialsValiditySeconds?: number;
}

/** One user pool of the seed. */
export interface SeedPool {
  id: string;
  requiredAttributes?: string[];
  /** Users sign in with these attributes (AWS UsernameAttributes); their real username becomes a UUID. */
  usernameAttributes?: UsernameAttribute[];
  clients: SeedClient[];
  deviceTracking?: DeviceTracking;
  /** What MFA_SETUP lets users enrol (default TOTP only; EMAIL_OTP needs a pool with e-mail MFA, i.e. SES, on AWS). */
  mfaSetupMethods?: MfaSetupMethod[];
  /** The answer to an unknown device key (default ResourceNotFoundException "Device does not exist."). */
  unknownDeviceError?: UnknownDeviceError;
  /**
   * The pool's IssuerConfiguration (API reference, IssuerConfigurationType): ORIGINAL (default) mints
   * `iss: https://cognito-idp.<region>.amazonaws.com/<poolId>`, UPDATED `https://issuer-cognito-idp.<region>.amazonaws.com/<poolId>`.
   */
  issuerType?: IssuerType;
  users: SeedUser[];
  /** IAM role of each group (CreateGroup RoleArn): ID tokens of its members carry cognito:roles and cognito:preferred_role. */
  groupRoles?: Record<string, string>;
  /** Resource servers whose scopes client-credentials tokens may carry. */
  resourceServers?: SeedResourceServer[];
}

/** An MFA method a user can enrol during sign-in (SMS is left out: it needs a verified phone first). */
export type MfaSetupMethod = 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

/** Cognito's two answers to a device key it does not know. */
export type UnknownDeviceError = 'ResourceNotFoundException' | 'InvalidParameterException';

/** A pool's IssuerConfiguration type. */
export type IssuerType = 'ORIGINAL' | 'UPDATED';

/** An attribute users of a pool can sign in with instead of a username. */
export type UsernameAttribute = 'email' | 'phone_number';

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
  /** AWS's EnableTokenRevocation (default true for new clients). */
  enableTokenRevocation?: boolean;
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
