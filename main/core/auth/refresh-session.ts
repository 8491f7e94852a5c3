import type { CognitoClient } from '../cognito/cognito-client.ts';
import { CognitoServiceError } from '../cognito/cognito-errors.ts';
import { secretHash } from '../cognito/secret-hash.ts';
import { CtmError } from '../errors.ts';
import type { Profile } from '../profiles/profile.ts';
import { tokenSetFrom, type TokenSet } from '../tokens/token-set.ts';

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

/** Renews the tokens with the profile's refresh method; a rotated refresh token replaces the old one in the result. */
export async function refreshSession(context: RefreshContext): Promise<TokenSet> {
  const { profile, session, client, clientSecret, deviceKey } = context;
  const refreshToken = session.refreshToken;
  if (!refreshToken) throw new RefreshRefusedError('the session has no refresh token');
  try {
    if (profile.refreshMethod === 'GetTokensFromRefreshToken') {
      const answer = await client.call('GetTokensFromRefreshToken', {
        RefreshToken: refreshToken,
        ClientId: profile.clientId,
        ...(clientSecret ? { ClientSecret: clientSecret } : {}),
        ...(deviceKey ? { DeviceKey: deviceKey } : {}),
        ...(profile.clientMetadata ? { ClientMetadata: profile.clientMetadata } : {}),
      });
      if (!answer.AuthenticationResult) throw new CtmError('service', 'Cognito answered the refresh without tokens.');
      return tokenSetFrom(answer.AuthenticationResult, context.now(), refreshToken);
    }
    const parameters: Record<string, string> = { REFRESH_TOKEN: refreshToken };
    if (clientSecret) parameters.SECRET_HASH = secretHash(clientSecret, session.userId ?? profile.username ?? '', profile.clientId);
    if (deviceKey) parameters.DEVICE_KEY = deviceKey;
    const answer = await client.call('InitiateAuth', {
      AuthFlow: profile.refreshMethod,
      ClientId: profile.clientId,
      AuthParameters: parameters,
      ...(profile.clientMetadata ? { ClientMetadata: profile.clientMetadata } : {}),
      ...(profile.analyticsEndpointId ? { AnalyticsMetadata: { AnalyticsEndpointId: profile.analyticsEndpointId } } : {}),
      ...(profile.userContextData ? { UserContextData: { EncodedData: profile.userContextData } } : {}),
    });
    if (!answer.AuthenticationResult) throw new CtmError('service', 'Cognito answered the refresh with a challenge instead of tokens.');
    return tokenSetFrom(answer.AuthenticationResult, context.now(), refreshToken);
  } catch (error) {
    if (error instanceof CognitoServiceError && error.type === 'NotAuthorizedException' && !/secret/i.test(error.serviceMessage)) {
      throw new RefreshRefusedError(`Cognito refused the refresh token (${error.serviceMessage || 'not authorized'})`);
    }
    throw error;
  }
}
