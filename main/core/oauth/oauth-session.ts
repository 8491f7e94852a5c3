import type { Logger } from '../logging/logger.ts';
import type { CognitoTransport } from '../cognito/transport.ts';
import { RefreshRefusedError } from '../auth/refresh-session.ts';
import type { Profile } from '../profiles/profile.ts';
import type { TokenSet } from '../tokens/token-set.ts';
import { tokenSetFromOAuth } from './oauth-tokens.ts';
import { OAuthRefusedError, OAuthTokenClient } from './token-client.ts';

/** What the OAuth kinds need to renew or end a session. */
export interface OAuthSessionContext {
  profile: Profile;
  clientSecret?: string | undefined;
  transport: CognitoTransport;
  now: () => number;
  /** Where a decision worth knowing is said (`--debug`, the app's log). */
  logger?: Logger;
}

function clientOf(context: OAuthSessionContext): OAuthTokenClient {
  return new OAuthTokenClient(
    context.transport,
    context.profile.domain ?? '',
    context.profile.clientId,
    context.clientSecret,
  );
}

/** Client credentials: a fresh access token for the profile's scopes (there is never a refresh token). */
export async function requestClientCredentials(context: OAuthSessionContext): Promise<TokenSet> {
  return tokenSetFromOAuth(await clientOf(context).clientCredentials(context.profile.scopes), context.now());
}

/** Renews a managed-login session with grant_type=refresh_token; a refused refresh token (invalid_grant) means a new sign-in. */
export async function refreshOAuthSession(
  context: OAuthSessionContext,
  session: TokenSet | undefined,
): Promise<TokenSet> {
  const refreshToken = session?.refreshToken;
  if (!refreshToken) throw new RefreshRefusedError('the session has no refresh token');
  try {
    return tokenSetFromOAuth(await clientOf(context).refresh(refreshToken), context.now(), refreshToken);
  } catch (error) {
    if (error instanceof OAuthRefusedError && error.error === 'invalid_grant')
      throw new RefreshRefusedError(error.message);
    throw error;
  }
}

/** Ends an OAuth session at Cognito: the refresh token of a managed login is revoked; client credentials have none. */
export async function revokeOAuthSession(context: OAuthSessionContext, session: TokenSet | undefined): Promise<void> {
  if (session?.refreshToken) await clientOf(context).revoke(session.refreshToken);
}
