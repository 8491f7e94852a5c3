import type { ProfileId } from '../profiles/profile-id.ts';
import { CtmError } from '../errors.ts';
import { clientCredentialsOf } from './client-credentials.ts';
import type { FailureThrottle } from './failure-throttle.ts';
import { invalidClient, invalidRequest, TokenEndpointError } from './token-errors.ts';

/** The tokens the endpoint hands out for a profile (times in epoch ms). */
export interface EndpointTokens {
  accessToken: string;
  idToken?: string;
  expiresAt: number;
  /** When they were received (the refresh margin scales with the lifetime). */
  issuedAt: number;
}

/** A successful answer (RFC 6749 §5.1). */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope?: string;
}

/** What the grant needs from the rest of the app. */
export interface TokenGrantDependencies {
  /** The id of the profile with this name, or undefined when there is none. */
  profileIdOf(name: string): Promise<ProfileId | undefined>;
  /** True when `secret` is the profile's endpoint secret (undefined profile: compared, and false). */
  verifySecret(profileId: ProfileId | undefined, secret: string): Promise<boolean>;
  /** The profile's tokens, renewed first when within the refresh margin; CtmErrors for a missing session and the like. */
  tokens(profileId: ProfileId): Promise<EndpointTokens>;
  throttle: FailureThrottle;
  now(): number;
}

/** The scope value that asks for the profile's ID token instead of its access token. */
export const ID_TOKEN_SCOPE = 'id_token';

/**
 * The client-credentials grant (RFC 6749 §4.4): the client (a profile name and its local secret) is authenticated,
 * then gets the profile's access token, or its ID token when `scope` contains `id_token`; `expires_in` is the time
 * that token has left, so a client comes back for a new one when it runs out.
 */
export async function grantToken(
  deps: TokenGrantDependencies,
  authorization: string | undefined,
  form: URLSearchParams,
): Promise<TokenResponse> {
  for (const name of ['grant_type', 'scope', 'client_id', 'client_secret']) {
    if (form.getAll(name).length > 1) throw invalidRequest(`${name} is given more than once.`);
  }
  const credentials = clientCredentialsOf(authorization, form);
  await deps.throttle.turn();
  const profileId = await deps.profileIdOf(credentials.clientId);
  const authenticated = await deps.verifySecret(profileId, credentials.clientSecret);
  deps.throttle.record(authenticated);
  // The same words for an unknown profile and a wrong secret: a caller without the secret learns nothing.
  if (!authenticated || profileId === undefined)
    throw invalidClient(
      'Unknown client or wrong client secret. The client id is the profile name; get the secret with: ctm endpoint credentials NAME',
    );
  const grantType = form.get('grant_type');
  if (grantType === null)
    throw invalidRequest('grant_type is missing; this endpoint serves grant_type=client_credentials.');
  if (grantType !== 'client_credentials')
    throw new TokenEndpointError(
      400,
      'unsupported_grant_type',
      `Only grant_type=client_credentials is served here (got "${printable(grantType)}").`,
    );
  const wantsId = (form.get('scope') ?? '').split(' ').includes(ID_TOKEN_SCOPE);
  const tokens = await tokensOrRefusal(deps, profileId, credentials.clientId);
  const token = wantsId ? tokens.idToken : tokens.accessToken;
  if (token === undefined)
    throw new TokenEndpointError(
      400,
      'invalid_scope',
      `Profile "${credentials.clientId}" has no ID token (machine clients get access tokens only); leave id_token out of the scope.`,
    );
  const expiresIn = Math.max(0, Math.floor((tokens.expiresAt - deps.now()) / 1000));
  return {
    access_token: token,
    token_type: 'Bearer',
    expires_in: expiresIn,
    ...(wantsId ? { scope: ID_TOKEN_SCOPE } : {}),
  };
}

/** The profile's tokens, or the §5.2 error that tells the client (and the person reading it) what to do. */
async function tokensOrRefusal(
  deps: TokenGrantDependencies,
  profileId: ProfileId,
  name: string,
): Promise<EndpointTokens> {
  try {
    return await deps.tokens(profileId);
  } catch (error) {
    if (!(error instanceof CtmError))
      throw new TokenEndpointError(500, 'server_error', 'The token could not be read; see ctm token NAME for details.');
    switch (error.kind) {
      case 'sign-in-required':
        return refuse(
          new TokenEndpointError(
            400,
            'invalid_grant',
            `Profile "${name}" has no usable session: sign in with ctm login ${name}`,
          ),
        );
      case 'not-found':
        return refuse(invalidClient('Unknown client or wrong client secret.'));
      case 'network':
      case 'service':
      case 'keychain':
        return refuse(new TokenEndpointError(503, 'temporarily_unavailable', error.message));
      default:
        return refuse(new TokenEndpointError(500, 'server_error', error.message));
    }
  }
}

function refuse(error: TokenEndpointError): never {
  throw error;
}

/** A value from the request, shortened and without control characters, to quote back in a description. */
function printable(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?').slice(0, 40);
}
