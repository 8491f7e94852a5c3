import { CtmError } from '../errors.ts';
import type { AuthenticationResult } from '../cognito/wire-types.ts';
import { decodeJwtClaims } from './jwt.ts';
import { requireJwt, TokenRefusedError } from './token-refusal.ts';

/** The tokens of one signed-in profile. Times are epoch milliseconds. */
export interface TokenSet {
  accessToken: string;
  idToken?: string;
  refreshToken?: string;
  tokenType: string;
  /**
   * When the access token expires on THIS computer's clock: the JWT's `exp` moved by `clockOffsetMs`, or receipt time +
   * ExpiresIn when there is no `exp`. Comparing it with the local clock judges expiry in the server's time.
   */
  expiresAt: number;
  /** Server clock minus local clock (ms) when the tokens arrived, from the token's `iat`; absent when within SKEW_TOLERANCE_MS. */
  clockOffsetMs?: number;
  /** When the tokens were received, to scale the refresh margin with the lifetime. */
  issuedAt: number;
  /** Set when the sign-in's device could not be confirmed: Cognito then refuses to renew, and that refusal says why. */
  unconfirmedDevice?: boolean;
  /** Where the session was issued (profiles/secret-origin.ts): its refresh token is sent nowhere else. Absent in sessions older than this field. */
  origin?: string;
  /** The name Cognito knows the user by (`username` claim, else `cognito:username`, else `sub`): SECRET_HASH on refresh uses it. */
  userId?: string;
}

/**
 * Builds a TokenSet from an AuthenticationResult (a Cognito API answer, or a token-endpoint answer in its shape); a
 * refresh that returns no refresh token keeps the previous one. Where tokens enter: an access or ID token that is not a
 * well-formed JWT is refused (TokenRefusedError) before anything is stored, printed or exported.
 */
export function tokenSetFrom(result: AuthenticationResult, now: number, previousRefreshToken?: string): TokenSet {
  if (!result.AccessToken) throw new CtmError('service', 'Cognito answered without an access token.');
  requireJwt(result.AccessToken, "Cognito's access token");
  if (result.IdToken !== undefined) requireJwt(result.IdToken, "Cognito's ID token");
  const claims = decodeJwtClaims(result.AccessToken);
  const idClaims = result.IdToken ? decodeJwtClaims(result.IdToken) : undefined;
  const offset = clockOffset(claims, now);
  const exp = typeof claims?.exp === 'number' ? claims.exp * 1000 - offset : undefined;
  const expiresAt = exp ?? (typeof result.ExpiresIn === 'number' ? now + result.ExpiresIn * 1000 : undefined);
  if (expiresAt === undefined)
    throw new CtmError(
      'service',
      'Cognito answered with neither ExpiresIn nor an exp claim; the token lifetime is unknown.',
    );
  const userId =
    stringClaim(claims, 'username') ?? stringClaim(idClaims, 'cognito:username') ?? stringClaim(claims, 'sub');
  const refreshToken = result.RefreshToken ?? previousRefreshToken;
  if (result.TokenType !== undefined && !/^[A-Za-z]{1,32}$/.test(result.TokenType))
    throw new TokenRefusedError("Cognito's token type is not a plain word; nothing was stored or shown.");
  return {
    accessToken: result.AccessToken,
    ...(result.IdToken ? { idToken: result.IdToken } : {}),
    ...(refreshToken ? { refreshToken } : {}),
    tokenType: result.TokenType ?? 'Bearer',
    expiresAt,
    issuedAt: now,
    ...(offset !== 0 ? { clockOffsetMs: offset } : {}),
    ...(userId ? { userId } : {}),
  };
}

/** Milliseconds of access-token life left at `now` (negative once expired). */
export function timeLeft(tokens: TokenSet, now: number): number {
  return tokens.expiresAt - now;
}

/**
 * Below this, a difference between `iat` and our clock is `iat`'s whole seconds plus network latency, not a wrong clock.
 * Above it, the server's clock is believed (a laptop's clock off by hours would otherwise refresh on every request).
 */
export const SKEW_TOLERANCE_MS = 5_000;

/** Server time minus local time when the token arrived, from its `iat` claim; 0 when within the tolerance or unknown. */
function clockOffset(claims: Record<string, unknown> | undefined, now: number): number {
  if (typeof claims?.iat !== 'number') return 0;
  const offset = claims.iat * 1000 - now;
  return Math.abs(offset) < SKEW_TOLERANCE_MS ? 0 : offset;
}

function stringClaim(claims: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = claims?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
