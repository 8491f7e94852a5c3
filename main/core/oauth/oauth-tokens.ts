import { issuersFor } from '../cognito/endpoint.ts';
import type { Logger } from '../logging/logger.ts';
import type { Profile } from '../profiles/profile.ts';
import { TokenRefusedError } from '../tokens/token-refusal.ts';
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

/** The ID token does not belong to this sign-in: wrong issuer, audience or nonce (a replay or a mix-up). A refusal, not a network failure. */
export class IdTokenMismatchError extends TokenRefusedError {
  override readonly name: string = 'IdTokenMismatchError';
  constructor(what: string) {
    super(
      `The ID token from the token endpoint failed a check (${what}); nothing was stored. Check the profile's user pool, client id and domain.`,
    );
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
  if (typeof claims.iss !== 'string' || !issuersFor(profile.region, profile.userPoolId).includes(claims.iss))
    throw new IdTokenMismatchError('issuer');
  const aud = claims.aud;
  if (aud !== profile.clientId && !(Array.isArray(aud) && aud.includes(profile.clientId)))
    throw new IdTokenMismatchError('audience');
  if (claims.token_use !== undefined && claims.token_use !== 'id') throw new IdTokenMismatchError('token_use');
  if (claims.nonce !== nonce) throw new IdTokenMismatchError('nonce');
}

/** jose's codes for a signature that is definitely not the pool's (as opposed to keys that could not be fetched). */
const FORGED = new Set([
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JWS_INVALID',
]);

/**
 * Verifies the ID token's signature against the pool's JWKS whenever the keys can be had; a token signed by another
 * key is refused. Only when the keys cannot be fetched (a proxy that lets only the domain through) does the token
 * endpoint's word stand, as OpenID Connect Core §3.1.3.7 item 6 allows for a token received directly from it over
 * TLS: so only for an https domain, and said in the log (`--debug`). Over plain http the token is refused.
 */
export async function verifyIdTokenSignature(
  idToken: string | undefined,
  profile: Profile,
  logger?: Logger,
): Promise<void> {
  if (!idToken) return;
  const { jwksUrl } = poolKeys(profile, decodeJwtClaims(idToken)?.iss);
  try {
    await compactVerify(idToken, poolKeySet(jwksUrl), { algorithms: ['RS256'] });
    logger?.info(`The ID token's signature verifies against the pool's keys at ${jwksUrl}.`);
    return;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && FORGED.has(code)) throw new IdTokenMismatchError('signature');
  }
  const domain = new URL(profile.domain ?? 'http://unknown');
  if (domain.protocol !== 'https:') {
    throw new TokenRefusedError(
      `The ID token's signature could not be checked: the pool's keys could not be fetched from ${jwksUrl}, and ${domain.origin} answered over plain http, so its word is not enough; nothing was stored.`,
    );
  }
  logger?.info(
    `The pool's keys could not be fetched from ${jwksUrl}: the ID token is accepted on the word of ${domain.origin}'s token endpoint over TLS (OpenID Connect Core §3.1.3.7 item 6).`,
  );
}

/**
 * Who a managed login signed in as (from the ID token, else the access token): `cognito:username`, with the e-mail when
 * the token has one. Undefined when neither token says.
 */
export function signedInUser(tokens: { accessToken: string; idToken?: string | undefined }): string | undefined {
  const id = tokens.idToken ? decodeJwtClaims(tokens.idToken) : undefined;
  const name = stringOf(id?.['cognito:username']) ?? stringOf(decodeJwtClaims(tokens.accessToken)?.username);
  const email = stringOf(id?.email);
  if (!name) return email;
  return email && email.toLowerCase() !== name.toLowerCase() ? `${name} (${email})` : name;
}

/**
 * When the profile names a username, the managed login must have signed in that user: another account's session
 * (a sign-in replayed by someone else through our loopback listener, a browser still signed in as a colleague) is
 * refused before anything is stored. Matched case-insensitively against the names Cognito accepts for sign-in.
 */
export function checkSignedInUser(
  tokens: { accessToken: string; idToken?: string | undefined },
  profile: Profile,
): void {
  const wanted = profile.username?.toLowerCase();
  if (!wanted) return;
  const id = tokens.idToken ? decodeJwtClaims(tokens.idToken) : undefined;
  const access = decodeJwtClaims(tokens.accessToken);
  const names = [id?.['cognito:username'], id?.email, id?.preferred_username, id?.phone_number, access?.username]
    .map(stringOf)
    .filter((n): n is string => n !== undefined);
  if (names.some((name) => name.toLowerCase() === wanted)) return;
  const who = signedInUser(tokens) ?? 'a user the tokens do not name';
  throw new TokenRefusedError(
    `Managed login signed in as ${who}, but profile "${profile.name}" is for ${profile.username}; nothing was stored. Sign out on the managed login page (or use a private window) and sign in as ${profile.username}.`,
  );
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
