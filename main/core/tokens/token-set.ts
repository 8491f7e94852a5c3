import { CtmError } from '../errors.ts';
import type { AuthenticationResult } from '../cognito/wire-types.ts';
import { decodeJwtClaims } from './jwt.ts';

/** The tokens of one signed-in profile. Times are epoch milliseconds. */
export interface TokenSet {
  accessToken: string;
  idToken?: string;
  refreshToken?: string;
  tokenType: string;
  /** When the access token expires: the JWT's `exp`, or issue time + ExpiresIn when there is no `exp`. */
  expiresAt: number;
  /** When the tokens were received, to scale the refresh margin with the lifetime. */
  issuedAt: number;
  /** The name Cognito knows the user by (`username` claim, else `cognito:username`, else `sub`): SECRET_HASH on refresh uses it. */
  userId?: string;
}

/** Builds a TokenSet from an AuthenticationResult; a refresh that returns no refresh token keeps the previous one. */
export function tokenSetFrom(result: AuthenticationResult, now: number, previousRefreshToken?: string): TokenSet {
  if (!result.AccessToken) throw new CtmError('service', 'Cognito answered without an access token.');
  const claims = decodeJwtClaims(result.AccessToken);
  const idClaims = result.IdToken ? decodeJwtClaims(result.IdToken) : undefined;
  const exp = typeof claims?.exp === 'number' ? claims.exp * 1000 : undefined;
  const expiresAt = exp ?? (typeof result.ExpiresIn === 'number' ? now + result.ExpiresIn * 1000 : undefined);
  if (expiresAt === undefined) throw new CtmError('service', 'Cognito answered with neither ExpiresIn nor an exp claim; the token lifetime is unknown.');
  const userId = stringClaim(claims, 'username') ?? stringClaim(idClaims, 'cognito:username') ?? stringClaim(claims, 'sub');
  const refreshToken = result.RefreshToken ?? previousRefreshToken;
  return {
    accessToken: result.AccessToken,
    ...(result.IdToken ? { idToken: result.IdToken } : {}),
    ...(refreshToken ? { refreshToken } : {}),
    tokenType: result.TokenType ?? 'Bearer',
    expiresAt,
    issuedAt: now,
    ...(userId ? { userId } : {}),
  };
}

/** Milliseconds of access-token life left at `now` (negative once expired). */
export function timeLeft(tokens: TokenSet, now: number): number {
  return tokens.expiresAt - now;
}

function stringClaim(claims: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = claims?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
