import { randomUUID } from 'node:crypto';
import type { EmulatorState } from './emulator-state.ts';
import { issuerOf } from './pool-issuer.ts';
import type { ClientRecord, UserRecord } from './pool-records.ts';
import { signJwt } from './pool-signer.ts';

/** What a token set is minted from: who, for which client, since when, from which device. */
export interface MintInput {
  user: UserRecord;
  client: ClientRecord;
  authTime: number;
  originJti: string;
  deviceKey: string | undefined;
  /** The OAuth scopes granted at /oauth2/authorize (the API's sign-ins get aws.cognito.signin.user.admin). */
  scope?: string;
  /** The nonce of the authorization request, echoed in the ID token (OpenID Connect Core §2). */
  nonce?: string;
}

/** The signed access and ID tokens plus the ExpiresIn Cognito reports. */
export interface MintedTokens {
  AccessToken: string;
  IdToken: string;
  ExpiresIn?: number;
  TokenType: 'Bearer';
}

function attributeClaims(user: UserRecord): Record<string, string | boolean> {
  const claims: Record<string, string | boolean> = { ...user.attributes };
  for (const [name, verified] of [
    ['email', 'email_verified'],
    ['phone_number', 'phone_number_verified'],
  ] as const) {
    if (user.attributes[name] !== undefined) claims[verified] = user.attributes[verified] !== 'false';
  }
  return claims;
}

/** Signs a fresh access token and ID token with the claims Cognito puts in them. */
export function mintTokens(state: EmulatorState, input: MintInput): MintedTokens {
  const { user, client } = input;
  const iat = Math.floor(state.clock.now() / 1000);
  const iss = issuerOf(user.pool);
  const eventId = randomUUID();
  const authTime = Math.floor(input.authTime / 1000);
  const groups = user.groups.length > 0 ? { 'cognito:groups': user.groups } : {};
  // Groups with an IAM role put cognito:roles (and the first group's role as cognito:preferred_role) in the ID token
  // (developer guide, "Adding groups to a user pool": role-based access control with identity pools).
  const roles = user.groups.flatMap((group) => (user.pool.groupRoles[group] ? [user.pool.groupRoles[group]] : []));
  const roleClaims = roles.length > 0 ? { 'cognito:roles': roles, 'cognito:preferred_role': roles[0] } : {};
  // Claim order and set as AWS mints them (developer guide, amazon-cognito-user-pools-using-the-access-token).
  const access = {
    sub: user.sub,
    ...(input.deviceKey ? { device_key: input.deviceKey } : {}),
    ...groups,
    iss,
    version: 2,
    client_id: client.id,
    origin_jti: input.originJti,
    event_id: eventId,
    token_use: 'access',
    scope: input.scope ?? 'aws.cognito.signin.user.admin',
    auth_time: authTime,
    exp: iat + client.accessTokenValiditySeconds,
    iat,
    jti: randomUUID(),
    username: user.username,
  };
  const id = {
    ...attributeClaims(user),
    sub: user.sub,
    ...groups,
    ...roleClaims,
    iss,
    'cognito:username': user.username,
    origin_jti: input.originJti,
    aud: client.id,
    event_id: eventId,
    token_use: 'id',
    auth_time: authTime,
    ...(input.nonce ? { nonce: input.nonce } : {}),
    exp: iat + client.idTokenValiditySeconds,
    iat,
    jti: randomUUID(),
  };
  const tokens: MintedTokens = {
    AccessToken: signJwt(user.pool.signer, access),
    IdToken: signJwt(user.pool.signer, id),
    TokenType: 'Bearer',
  };
  if (!client.omitExpiresIn) tokens.ExpiresIn = client.accessTokenValiditySeconds;
  return tokens;
}
