import type { CognitoClient } from '../cognito/cognito-client.ts';
import { CognitoServiceError } from '../cognito/cognito-errors.ts';
import type { AuthenticationResult } from '../cognito/wire-types.ts';
import { CtmError } from '../errors.ts';
import type { Profile } from '../profiles/profile.ts';
import { decodeJwtClaims } from '../tokens/jwt.ts';
import { tokenSetFrom, type TokenSet } from '../tokens/token-set.ts';
import { requestEnvelope, withSecretHash } from './wire-envelope.ts';

/** What a refresh needs: the profile, its client secret, the session to renew and a remembered device's key. */
export interface RefreshContext {
  profile: Profile;
  clientSecret?: string;
  session: TokenSet;
  deviceKey?: string;
  client: CognitoClient;
  now: () => number;
}

/** The refresh token was definitely refused (revoked, expired, or not for this client): a sign-in is needed. */
export class RefreshRefusedError extends CtmError {
  constructor(reason: string) {
    super('sign-in-required', reason);
  }
}

/**
 * Renews the tokens with the profile's refresh method; a rotated refresh token replaces the old one in the
 * result. A client with rotation refuses REFRESH_TOKEN_AUTH: then GetTokensFromRefreshToken is used instead.
 */
export async function refreshSession(context: RefreshContext): Promise<TokenSet> {
  const refreshToken = context.session.refreshToken;
  if (!refreshToken) throw new RefreshRefusedError('the session has no refresh token');
  try {
    let result: AuthenticationResult | undefined;
    try {
      result = context.profile.refreshMethod === 'GetTokensFromRefreshToken' ? await viaGetTokens(context, refreshToken) : await viaInitiateAuth(context, refreshToken);
    } catch (error) {
      if (!refusedForRotation(error)) throw error;
      result = await viaGetTokens(context, refreshToken);
    }
    if (!result) throw new CtmError('service', 'Cognito answered the refresh without tokens.');
    return tokenSetFrom(result, context.now(), refreshToken);
  } catch (error) {
    if (error instanceof CognitoServiceError && (error.type === 'RefreshTokenReuseException' || (error.type === 'NotAuthorizedException' && !/secret/i.test(error.serviceMessage)))) {
      throw new RefreshRefusedError(`Cognito refused the refresh token (${error.serviceMessage || 'not authorized'})`);
    }
    throw error;
  }
}

async function viaGetTokens(context: RefreshContext, refreshToken: string): Promise<AuthenticationResult | undefined> {
  const { profile, clientSecret } = context;
  const deviceKey = deviceKeyFor(context);
  const answer = await context.client.call('GetTokensFromRefreshToken', {
    RefreshToken: refreshToken,
    ClientId: profile.clientId,
    ...(clientSecret ? { ClientSecret: clientSecret } : {}),
    ...(deviceKey ? { DeviceKey: deviceKey } : {}),
    ...(profile.clientMetadata ? { ClientMetadata: profile.clientMetadata } : {}),
  });
  return answer.AuthenticationResult;
}

async function viaInitiateAuth(context: RefreshContext, refreshToken: string): Promise<AuthenticationResult | undefined> {
  const { profile, clientSecret, session } = context;
  const deviceKey = deviceKeyFor(context);
  const parameters = { REFRESH_TOKEN: refreshToken, ...(deviceKey ? { DEVICE_KEY: deviceKey } : {}) };
  // SECRET_HASH on refresh is over the user's `username` (or `sub`) claim, not the alias typed at sign-in.
  const username = refreshUsername(session) ?? profile.username ?? '';
  const answer = await context.client.call('InitiateAuth', {
    ...requestEnvelope(profile),
    AuthFlow: profile.refreshMethod,
    AuthParameters: withSecretHash(parameters, username, profile.clientId, clientSecret),
  });
  if (!answer.AuthenticationResult && answer.ChallengeName) throw new CtmError('service', 'Cognito answered the refresh with a challenge instead of tokens.');
  return answer.AuthenticationResult;
}

function refusedForRotation(error: unknown): boolean {
  return error instanceof CognitoServiceError && error.type === 'InvalidParameterException' && /rotation/i.test(error.serviceMessage);
}

/** A tracked device's refresh token only works with its DEVICE_KEY, which the access token names. */
function deviceKeyFor(context: RefreshContext): string | undefined {
  return context.deviceKey ?? deviceKeyOf(context.session);
}

/** The device key an access token was issued for (Cognito's `device_key` claim), if any. */
export function deviceKeyOf(session: TokenSet): string | undefined {
  const claim = decodeJwtClaims(session.accessToken)?.device_key;
  return typeof claim === 'string' && claim !== '' ? claim : undefined;
}

function refreshUsername(session: TokenSet): string | undefined {
  const claims = decodeJwtClaims(session.accessToken);
  const name = claims?.username ?? claims?.sub;
  return typeof name === 'string' && name !== '' ? name : session.userId;
}
