import type { CognitoClient } from '../cognito/cognito-client.ts';
import { CognitoServiceError } from '../cognito/cognito-errors.ts';
import type { TokenSet } from '../tokens/token-set.ts';

/**
 * GlobalSignOut with the session's access token. When Cognito finds it expired although our clock did not
 * (clock skew), the tokens are refreshed once and the sign-out is sent again.
 */
export async function globalSignOut(
  client: CognitoClient,
  session: TokenSet,
  refresh: () => Promise<TokenSet>,
): Promise<TokenSet> {
  try {
    await client.call('GlobalSignOut', { AccessToken: session.accessToken });
    return session;
  } catch (error) {
    const expired =
      error instanceof CognitoServiceError &&
      error.type === 'NotAuthorizedException' &&
      /expired/i.test(error.serviceMessage);
    if (!expired || !session.refreshToken) throw error;
    const renewed = await refresh();
    await client.call('GlobalSignOut', { AccessToken: renewed.accessToken });
    return renewed;
  }
}
