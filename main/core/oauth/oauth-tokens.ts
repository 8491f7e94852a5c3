import { issuersFor } from '../cognito/endpoint.ts';
import { CtmError } from '../errors.ts';
import type { Profile } from '../profiles/profile.ts';
import { compactVerify } from 'jose';
import { decodeJwtClaims } from '../tokens/jwt.ts';
import { poolKeys, poolKeySet } from '../tokens/token-inspection.ts';
import { tokenSetFrom, type TokenSet } from '../tokens/token-set.ts';
import type { OAuthTokenAnswer } from './token-client.ts';

/** A TokenSet from a token-endpoint answer; an answer without a refresh token keeps the previous one. */
export function tokenSetFromOAuth(answer: OAuthTokenAnswer, now: number, previousRefreshToken?: string): TokenSet {
  return tokenSetFrom(
    {
      AccessToken: answer.access_token,
      ...(answer.id_token ? { IdToken: answer.id_token } : {}),
      ...(answer.refresh_token ? { RefreshToken: answer.refresh_token } : {}),
      ...(typeof answer.expires_in === 'number' ? { ExpiresIn: answer.expires_in } : {}),
      TokenType: answer.token_type ?? 'Bearer',
    },
    now,
    previousRefreshToken,
  );
}

/** The ID token does not belong to this sign-in: wrong issuer, audience or nonce (a replay or a mix-up). */
export class IdTokenMismatchError extends CtmError {
  constructor(what: string) {
    super('service', `The ID token from the token endpoint failed a check (${what}); nothing was stored. Check the profile's user pool, client id and domain.`);
  }
}

/**
 * Checks the ID token of a code exchange as OpenID Connect Core §3.1.3.7 asks: `iss` is the pool, `aud`
 * the app client, `token_use` "id" and `nonce` the one this sign-in sent. (The signature is the TLS-protected
 * token endpoint's word, which §3.1.3.7 item 6 allows for a direct token-endpoint answer.)
 */
export function checkIdToken(idToken: string | undefined, profile: Profile, nonce: string): void {
  if (!idToken) return; // no openid scope: Cognito returns no ID token
  const claims = decodeJwtClaims(idToken);
  if (!claims) throw new IdTokenMismatchError('not a JWT');
  if (typeof claims.iss !== 'string' || !issuersFor(profile.region, profile.userPoolId).includes(claims.iss)) throw new IdTokenMismatchError('issuer');
  const aud = claims.aud;
  if (aud !== profile.clientId && !(Array.isArray(aud) && aud.includes(profile.clientId))) throw new IdTokenMismatchError('audience');
  if (claims.token_use !== undefined && claims.token_use !== 'id') throw new IdTokenMismatchError('token_use');
  if (claims.nonce !== nonce) throw new IdTokenMismatchError('nonce');
}

/** jose's codes for a signature that is definitely not the pool's (as opposed to keys that could not be fetched). */
const FORGED = new Set(['ERR_JWKS_NO_MATCHING_KEY', 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', 'ERR_JOSE_ALG_NOT_ALLOWED', 'ERR_JWS_INVALID']);

/**
 * Verifies the ID token's signature against the pool's JWKS. A token signed by another key is refused; when the keys
 * cannot be fetched (a proxy that lets only the domain through), the TLS-protected token endpoint's word stands, as
 * OpenID Connect Core §3.1.3.7 item 6 allows for a token received directly from it.
 */
export async function verifyIdTokenSignature(idToken: string | undefined, profile: Profile): Promise<void> {
  if (!idToken) return;
  try {
    await compactVerify(idToken, poolKeySet(poolKeys(profile, decodeJwtClaims(idToken)?.iss).jwksUrl), { algorithms: ['RS256'] });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && FORGED.has(code)) throw new IdTokenMismatchError('signature');
  }
}
