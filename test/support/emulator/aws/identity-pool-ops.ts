import { createHash, randomBytes } from 'node:crypto';
import { CognitoError, invalidParameter, notAuthorized } from '../cognito-error.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { signJwt } from '../pool-signer.ts';
import { optionalMember, requiredMember, stringMap, type RequestBody } from '../request-fields.ts';
import { uniqueId } from './aws-state-builder.ts';
import type { IdentityPoolRecord, IdentityRecord } from './aws-state.ts';
import { checkLogins, type CheckedLogin } from './login-token.ts';

function poolFor(state: EmulatorState, id: string): IdentityPoolRecord {
  const pool = state.aws.identityPools.get(id);
  if (!pool) throw new CognitoError('ResourceNotFoundException', `IdentityPool '${id}' not found.`);
  return pool;
}

/** A stable identity id for a login (`<region>:<uuid>`, API_GetId), the same on every GetId of that user. */
function identityIdFor(pool: IdentityPoolRecord, login: string): string {
  const hex = createHash('sha256').update(`${pool.id}\0${login}`).digest('hex');
  return `${pool.region}:${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const loginsDoNotMatch = (): CognitoError =>
  notAuthorized("Logins don't match. Please include at least one valid login for this identity or identity pool.");

/** The identity named by IdentityId, with its Logins checked against the identity's own login. */
function identityWithLogins(
  state: EmulatorState,
  body: RequestBody,
): { identity: IdentityRecord; pool: IdentityPoolRecord; login: CheckedLogin | undefined } {
  const id = requiredMember(body, 'IdentityId');
  const identity = state.aws.identities.get(id);
  if (!identity) throw new CognitoError('ResourceNotFoundException', `Identity '${id}' not found.`);
  const pool = poolFor(state, identity.poolId);
  const login = checkLogins(state, pool, stringMap(body, 'Logins'));
  if (identity.login !== (login ? `${login.provider}|${login.sub}` : undefined)) throw loginsDoNotMatch();
  return { identity, pool, login };
}

/**
 * GetId (API_GetId): an authenticated identity for a valid login of a trusted user pool, always the same id for the
 * same user; with no Logins, an unauthenticated identity only where the pool allows them. A public API: unsigned.
 */
export function getId(state: EmulatorState, body: RequestBody): Record<string, unknown> {
  const pool = poolFor(state, requiredMember(body, 'IdentityPoolId'));
  const login = checkLogins(state, pool, stringMap(body, 'Logins'));
  if (!login && !pool.allowUnauthenticated)
    throw notAuthorized('Unauthenticated access is not supported for this identity pool.');
  const key = login ? `${login.provider}|${login.sub}` : undefined;
  const id = identityIdFor(pool, key ?? `unauthenticated|${randomBytes(16).toString('hex')}`);
  state.aws.identities.set(id, { id, poolId: pool.id, login: key });
  return { IdentityId: id };
}

/** The role an identity gets: the pool's, or with token-based role mapping the token's cognito:roles (CustomRoleArn picks one). */
function roleFor(pool: IdentityPoolRecord, login: CheckedLogin | undefined, customRoleArn: string | undefined): string {
  const fallback = login ? pool.authenticatedRoleArn : pool.unauthenticatedRoleArn;
  const tokenRoles = Array.isArray(login?.claims['cognito:roles'])
    ? (login.claims['cognito:roles'] as unknown[]).map(String)
    : [];
  if (customRoleArn !== undefined) {
    // Role-based access control guide: CustomRoleArn must be one of the roles the token carries (token-based mapping).
    if (pool.roleMapping !== 'Token' || !tokenRoles.includes(customRoleArn))
      throw invalidParameter(`CustomRoleArn ${customRoleArn} is not one of the roles in the token.`);
    return customRoleArn;
  }
  const preferred = pool.roleMapping === 'Token' ? login?.claims['cognito:preferred_role'] : undefined;
  const role = typeof preferred === 'string' ? preferred : fallback;
  if (!role)
    throw new CognitoError(
      'InvalidIdentityPoolConfigurationException',
      'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
    );
  return role;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function randomKeyId(): string {
  return `ASIA${[...randomBytes(16)].map((b) => ALNUM[b % 32]).join('')}`;
}

/**
 * GetCredentialsForIdentity (API_GetCredentialsForIdentity): temporary credentials of the identity's role (session name
 * CognitoIdentityCredentials), valid for the pool's credentialsValiditySeconds (AWS: one hour), accepted by the
 * emulator's signature checks until then. Expiration is epoch seconds, as the JSON protocol sends timestamps.
 */
export function getCredentialsForIdentity(state: EmulatorState, body: RequestBody): Record<string, unknown> {
  const { identity, pool, login } = identityWithLogins(state, body);
  const roleArn = roleFor(pool, login, optionalMember(body, 'CustomRoleArn'));
  const roleName = roleArn.slice(roleArn.lastIndexOf('/') + 1);
  const accessKeyId = randomKeyId();
  const secretAccessKey = randomBytes(30).toString('base64');
  // AWS session tokens are opaque and long (hundreds of characters): clients must carry them whole.
  const sessionToken = `IQoJb3JpZ2luX2Vj${randomBytes(600).toString('base64')}`;
  const expiresAt = state.clock.now() + pool.credentialsValiditySeconds * 1000;
  const roleId = uniqueId('AROA', roleArn);
  state.aws.principals.set(accessKeyId, {
    kind: 'role-session',
    accessKeyId,
    secretAccessKey,
    sessionToken,
    expiresAt,
    roleArn,
    identityId: identity.id,
    arn: `arn:aws:sts::${state.aws.accountId}:assumed-role/${roleName}/CognitoIdentityCredentials`,
    userId: `${roleId}:CognitoIdentityCredentials`,
  });
  return {
    IdentityId: identity.id,
    Credentials: {
      AccessKeyId: accessKeyId,
      SecretKey: secretAccessKey,
      SessionToken: sessionToken,
      Expiration: Math.floor(expiresAt / 1000),
    },
  };
}

/**
 * GetOpenIdToken (API_GetOpenIdToken): an OpenID token from cognito-identity.amazonaws.com for the identity, valid
 * 10 minutes, `aud` the identity pool, `amr` naming how the identity signed in.
 */
export function getOpenIdToken(state: EmulatorState, body: RequestBody): Record<string, unknown> {
  const { identity, login } = identityWithLogins(state, body);
  const iat = Math.floor(state.clock.now() / 1000);
  const amr = login
    ? ['authenticated', login.provider, `${login.provider}:CognitoSignIn:${login.sub}`]
    : ['unauthenticated'];
  const claims = {
    sub: identity.id,
    aud: identity.poolId,
    amr,
    iss: 'https://cognito-identity.amazonaws.com',
    exp: iat + 600,
    iat,
  };
  return { IdentityId: identity.id, Token: signJwt(state.aws.openIdSigner, claims) };
}
