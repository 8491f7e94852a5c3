import { secretHash } from '../cognito/secret-hash.ts';
import type { InitiateAuthRequest } from '../cognito/wire-types.ts';
import type { Profile } from '../profiles/profile.ts';

/** The fields every InitiateAuth and RespondToAuthChallenge carries when the profile sets them. */
export function requestEnvelope(
  profile: Profile,
): Pick<InitiateAuthRequest, 'ClientId' | 'ClientMetadata' | 'AnalyticsMetadata' | 'UserContextData'> {
  return {
    ClientId: profile.clientId,
    ...(profile.clientMetadata ? { ClientMetadata: profile.clientMetadata } : {}),
    ...(profile.analyticsEndpointId ? { AnalyticsMetadata: { AnalyticsEndpointId: profile.analyticsEndpointId } } : {}),
    ...(profile.userContextData ? { UserContextData: { EncodedData: profile.userContextData } } : {}),
  };
}

/** Adds SECRET_HASH over the USERNAME of this very request (a confidential client needs it at every step). */
export function withSecretHash(
  parameters: Record<string, string>,
  username: string,
  clientId: string,
  clientSecret: string | undefined,
): Record<string, string> {
  return clientSecret ? { ...parameters, SECRET_HASH: secretHash(clientSecret, username, clientId) } : parameters;
}
