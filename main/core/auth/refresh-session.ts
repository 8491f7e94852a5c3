import type { CognitoClient } from '../cognito/cognito-client.ts';
import { CognitoServiceError } from '../cognito/cognito-errors.ts';
import type { AuthenticationResult } from '../cognito/wire-types.ts';
import { CtmError } from '../errors.ts';
import type { Profile } from '../profiles/profile.ts';
import { decodeJwtClaims } from '../tokens/jwt.ts';
import { tokenSetFrom, type TokenSet } from '../tokens/token-set.ts';
import { isUnknownDevice } from './unknown-device.ts';
import { requestEnvelope, withSecretHash } from './wire-envelope.ts';

/** What a refresh needs: the profile, its client secret, the session to renew and a remembered device's key. */
export interface RefreshContext {
  profile: Profile;
  clientSecret?: string;
  session: TokenSet;
  deviceKey?: string;
  client: CognitoClient;
  now: () => number;
  /** Called when Cognito no longer knows the session's device, to forget the remembered one. */
  forgetDevice?: () => Promise<void>;
  /** Set for the one retry without a device key after Cognito said the device is unknown. */
  withoutDevice?: boolean;
  /** With refresh method `auto`: called once when the endpoint turns out not to know GetTokensFromRefreshToken, to remember that. */
  rememberFallback?: () => Promise<void>;
}

/** The refresh token was definitely refused (revoked, expired, or not for this client): a sign-in is needed. */
export class RefreshRefusedError extends CtmError {
  override readonly name: string = 'RefreshRefusedError';
  constructor(reason: string) {
    super('sign-in-required', reason);
  }
}

/**
 * Renews the tokens; a rotated refresh token replaces the old one in the result. `auto` uses GetTokensFromRefreshToken
 * (AWS serves it with rotation on or off, and a rotation client refuses REFRESH_TOKEN_AUTH), and REFRESH_TOKEN_AUTH
 * only on an endpoint that does not know that operation (emulators), which is remembered per profile.
 */
export async function refreshSession(context: RefreshContext): Promise<TokenSet> {
  const refreshToken = context.session.refreshToken;
  if (!refreshToken) throw new RefreshRefusedError('the session has no refresh token');
  try {
    const result = await renewForgettingUnknownDevice(context, refreshToken);
    if (!result) throw new CtmError('service', 'Cognito answered the refresh without tokens.');
    return tokenSetFrom(result, context.now(), refreshToken);
  } catch (error) {
    if (
      error instanceof CognitoServiceError &&
      (error.type === 'RefreshTokenReuseException' ||
        (error.type === 'NotAuthorizedException' && !/secret/i.test(error.serviceMessage)))
    ) {
      throw new RefreshRefusedError(`Cognito refused the refresh token (${error.serviceMessage || 'not authorized'})`);
    }
    throw error;
  }
}

/** An unknown device ("Device does not exist.", "Invalid device key given.") is forgotten and the refresh tried once without it. */
async function renewForgettingUnknownDevice(
  context: RefreshContext,
  refreshToken: string,
): Promise<AuthenticationResult | undefined> {
  try {
    return await renew(context, refreshToken);
  } catch (error) {
    if (!isUnknownDevice(error) || !deviceKeyFor(context)) throw error;
    await context.forgetDevice?.();
    return renew({ ...context, withoutDevice: true }, refreshToken);
  }
}

async function renew(context: RefreshContext, refreshToken: string): Promise<AuthenticationResult | undefined> {
  const method = context.profile.refreshMethod;
  if (method === 'GetTokensFromRefreshToken') return viaGetTokens(context, refreshToken);
  if (method !== 'auto') return viaInitiateAuth(context, refreshToken, method);
  if (usesFallback(context.profile)) return viaInitiateAuth(context, refreshToken, 'REFRESH_TOKEN_AUTH');
  try {
    return await viaGetTokens(context, refreshToken);
  } catch (error) {
    if (!(error instanceof CognitoServiceError && error.unknownOperation)) throw error;
    const result = await viaInitiateAuth(context, refreshToken, 'REFRESH_TOKEN_AUTH');
    await context.rememberFallback?.();
    return result;
  }
}

/** True when `auto` learned that this profile's endpoint lacks GetTokensFromRefreshToken (and the endpoint is still the same). */
export function usesFallback(profile: Pick<Profile, 'refreshFallbackEndpoint' | 'endpoint'>): boolean {
  return profile.refreshFallbackEndpoint !== undefined && profile.refreshFallbackEndpoint === (profile.endpoint ?? '');
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

async function viaInitiateAuth(
  context: RefreshContext,
  refreshToken: string,
  flow: 'REFRESH_TOKEN_AUTH' | 'REFRESH_TOKEN',
): Promise<AuthenticationResult | undefined> {
  const { profile, clientSecret, session } = context;
  const deviceKey = deviceKeyFor(context);
  const parameters = { REFRESH_TOKEN: refreshToken, ...(deviceKey ? { DEVICE_KEY: deviceKey } : {}) };
  // SECRET_HASH on refresh is over the user's `username` (or `sub`) claim, not the alias typed at sign-in.
  const username = refreshUsername(session) ?? profile.username ?? '';
  const answer = await context.client.call('InitiateAuth', {
    ...requestEnvelope(profile),
    AuthFlow: flow,
    AuthParameters: withSecretHash(parameters, username, profile.clientId, clientSecret),
  });
  if (!answer.AuthenticationResult && answer.ChallengeName)
    throw new CtmError('service', 'Cognito answered the refresh with a challenge instead of tokens.');
  return answer.AuthenticationResult;
}

/** A tracked device's refresh token only works with its DEVICE_KEY, which the access token names. */
function deviceKeyFor(context: RefreshContext): string | undefined {
  if (context.withoutDevice) return undefined;
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
