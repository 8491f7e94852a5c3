import { compactVerify, createRemoteJWKSet, customFetch, decodeJwt, decodeProtectedHeader } from 'jose';
import { ProxyFailureError } from '../cognito/proxy-failure.ts';
import { proxyAwareFetch } from '../cognito/proxy-transport.ts';
import { cognitoEndpoint, issuersFor } from '../cognito/endpoint.ts';
import { BadInputError } from '../errors.ts';
import type { Profile } from '../profiles/profile.ts';
import type { TokenInspection } from '../../shared/token-inspection.ts';
import type { TokenKind } from './token-format.ts';

// Its shape is declared once in main/shared (the window receives it through the IPC contract).
export type { TokenInspection } from '../../shared/token-inspection.ts';

/** A JWKS fetcher per key URL, kept so each pool's keys are fetched once (jose caches and re-fetches on unknown `kid`). */
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/**
 * The issuer of a profile's pool and its key URL. The issuer is Cognito's whatever endpoint served the token: the
 * token's own when it is one of the pool's two (original or updated, see issuersFor), else the original. The keys are
 * fetched from the endpoint serving the pool when the profile sets one (emulators, VPC endpoints), else from that issuer.
 */
export function poolKeys(
  profile: Pick<Profile, 'region' | 'userPoolId' | 'endpoint'>,
  tokenIssuer?: unknown,
): { issuer: string; jwksUrl: string } {
  const issuers = issuersFor(profile.region, profile.userPoolId);
  const issuer =
    typeof tokenIssuer === 'string' && (issuers as readonly string[]).includes(tokenIssuer) ? tokenIssuer : issuers[0];
  const keysBase = profile.endpoint
    ? `${cognitoEndpoint(profile.region, profile.endpoint)}${profile.userPoolId}`
    : issuer;
  return { issuer, jwksUrl: `${keysBase}/.well-known/jwks.json` };
}

/** Issuers accepted for a profile: Cognito's two, and with a custom endpoint also that endpoint's (cognito-local signs with its own origin). */
function acceptedIssuers(profile: Pick<Profile, 'region' | 'userPoolId' | 'endpoint'>): string[] {
  const issuers: string[] = issuersFor(profile.region, profile.userPoolId);
  return profile.endpoint
    ? [...issuers, `${cognitoEndpoint(profile.region, profile.endpoint)}${profile.userPoolId}`]
    : issuers;
}

/** Decodes a token and verifies its signature against the pool's JWKS and its issuer against the profile's pool. */
export async function inspectToken(
  token: string,
  kind: TokenKind,
  profile: Pick<Profile, 'region' | 'userPoolId' | 'endpoint'>,
): Promise<TokenInspection> {
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = { ...decodeProtectedHeader(token) };
    claims = { ...decodeJwt(token) };
  } catch {
    throw new BadInputError('The stored token is not a readable JWT.');
  }
  const { issuer, jwksUrl } = poolKeys(profile, claims.iss);
  return {
    kind,
    header,
    claims,
    ...(typeof claims.iat === 'number' ? { issuedAt: claims.iat * 1000 } : {}),
    ...(typeof claims.exp === 'number' ? { expiresAt: claims.exp * 1000 } : {}),
    scopes: typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [],
    groups: Array.isArray(claims['cognito:groups'])
      ? claims['cognito:groups'].filter((g): g is string => typeof g === 'string')
      : [],
    issuer,
    jwksUrl,
    signature: await verifySignature(token, claims, acceptedIssuers(profile), jwksUrl),
  };
}

/** The (cached) key set of a pool's JWKS URL, fetched through HTTP(S)_PROXY when the environment names one, as Cognito calls are. */
export function poolKeySet(jwksUrl: string): ReturnType<typeof createRemoteJWKSet> {
  let keys = keySets.get(jwksUrl);
  if (!keys)
    keySets.set(
      jwksUrl,
      (keys = createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: 5000, [customFetch]: proxyAwareFetch })),
    );
  return keys;
}

async function verifySignature(
  token: string,
  claims: Record<string, unknown>,
  issuers: string[],
  jwksUrl: string,
): Promise<{ verified: boolean; detail: string }> {
  const keys = poolKeySet(jwksUrl);
  try {
    // The signature alone: an expired token still carries a valid signature, and expiry is shown separately.
    await compactVerify(token, keys, { algorithms: ['RS256'] });
  } catch (error) {
    return { verified: false, detail: `The signature does not verify against ${jwksUrl}: ${describe(error)}.` };
  }
  if (typeof claims.iss !== 'string' || !issuers.includes(claims.iss))
    return {
      verified: false,
      detail: `The signature verifies, but the issuer is ${String(claims.iss)}, not ${issuers[0]}.`,
    };
  return { verified: true, detail: `Signed by a key of ${jwksUrl}; issuer ${claims.iss}.` };
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_JWKS_NO_MATCHING_KEY') return 'no key of the pool matches the token';
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return 'the signature is wrong';
  if (code === 'ERR_JWKS_TIMEOUT') return 'the keys could not be fetched in time';
  if (code === 'ERR_JOSE_ALG_NOT_ALLOWED') return 'the token is not signed with RS256';
  // A proxy's failure names the proxy and what to check (proxy-failure.ts); its message holds no secret.
  if (error instanceof ProxyFailureError) return error.message.replace(/\.$/, '');
  return 'the keys could not be fetched or read';
}
