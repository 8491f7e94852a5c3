import type { PoolSigner } from '../pool-signer.ts';

/** A seeded IAM user and its long-term access key. */
export interface IamUserRecord {
  kind: 'user';
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  arn: string;
  /** GetCallerIdentity's UserId: the user's unique id (AIDA...). */
  userId: string;
  /** IAM actions the user's policy allows (`cognito-idp:AdminInitiateAuth`, `cognito-idp:*`, `*`). */
  allow: string[];
}

/** Temporary credentials GetCredentialsForIdentity handed out: a session of a role. */
export interface RoleSessionRecord {
  kind: 'role-session';
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Emulator-clock ms after which the credentials are refused (ExpiredToken). */
  expiresAt: number;
  roleArn: string;
  /** `arn:aws:sts::<account>:assumed-role/<role name>/CognitoIdentityCredentials`. */
  arn: string;
  /** `<role id>:CognitoIdentityCredentials`. */
  userId: string;
  identityId: string;
}

/** Whoever signed a request. */
export type AwsPrincipal = IamUserRecord | RoleSessionRecord;

/** An identity pool: the user pools (and app clients) it trusts and the roles it hands out. */
export interface IdentityPoolRecord {
  id: string;
  region: string;
  /** Provider name (`cognito-idp.<region>.amazonaws.com/<poolId>`) -> app client ids it accepts ID tokens of. */
  providers: Map<string, Set<string>>;
  authenticatedRoleArn: string | undefined;
  unauthenticatedRoleArn: string | undefined;
  allowUnauthenticated: boolean;
  /** 'Token': the role comes from the ID token's cognito:roles / cognito:preferred_role, CustomRoleArn picks one. */
  roleMapping: 'Token' | undefined;
  credentialsValiditySeconds: number;
}

/** One identity of an identity pool. */
export interface IdentityRecord {
  id: string;
  poolId: string;
  /** `provider|sub` of the login that created it; undefined for an unauthenticated identity. */
  login: string | undefined;
}

/** What the AWS side of the emulator (IAM, STS, cognito-identity) knows while running. */
export interface AwsState {
  accountId: string;
  /** Every access key id the emulator accepts signatures of: seeded users and issued temporary credentials. */
  principals: Map<string, AwsPrincipal>;
  identityPools: Map<string, IdentityPoolRecord>;
  identities: Map<string, IdentityRecord>;
  /** Signs GetOpenIdToken's tokens (issuer https://cognito-identity.amazonaws.com). */
  openIdSigner: PoolSigner;
}
