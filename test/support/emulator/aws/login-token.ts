import { verify } from 'node:crypto';
import { notAuthorized } from '../cognito-error.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { issuerOf } from '../pool-issuer.ts';
import type { IdentityPoolRecord } from './aws-state.ts';

/** A checked login: the provider it came from, the user's sub and the ID token's claims. */
export interface CheckedLogin {
  provider: string;
  sub: string;
  claims: Record<string, unknown>;
}

function decode(part: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks the Logins map of a cognito-identity request: one provider the identity pool trusts, whose value is an ID token
 * of that user pool (signature, issuer, audience = one of the pool's app clients, not expired). Identity pools developer
 * guide, "Using Amazon Cognito user pools as an identity provider"; messages as the service answers them.
 * Undefined when Logins is empty (an unauthenticated request).
 */
export function checkLogins(
  state: EmulatorState,
  pool: IdentityPoolRecord,
  logins: Record<string, string>,
): CheckedLogin | undefined {
  const entries = Object.entries(logins);
  if (entries.length === 0) return undefined;
  const [provider, token] = entries[0] as [string, string];
  const clients = pool.providers.get(provider);
  if (!clients || entries.length > 1)
    throw notAuthorized('Token is not from a supported provider of this identity pool.');
  const [header, payload, signature] = token.split('.');
  const claims = decode(payload);
  const userPool = state.pools.get(provider.slice(provider.lastIndexOf('/') + 1));
  if (!decode(header) || !claims || signature === undefined || !userPool)
    throw notAuthorized('Invalid login token. Not a valid OpenId Connect identity token.');
  if (
    !verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      userPool.signer.publicKey,
      Buffer.from(signature, 'base64url'),
    )
  )
    throw notAuthorized('Invalid login token. Not a valid OpenId Connect identity token.');
  if (claims.iss !== issuerOf(userPool)) throw notAuthorized("Invalid login token. Issuer doesn't match providerName");
  if (claims.token_use !== 'id') throw notAuthorized('Invalid login token. Not a valid OpenId Connect identity token.');
  if (!clients.has(String(claims.aud))) throw notAuthorized('Invalid login token. Incorrect token audience.');
  const now = Math.floor(state.clock.now() / 1000);
  if (Number(claims.exp) <= now)
    throw notAuthorized(`Invalid login token. Token expired: ${now} >= ${String(claims.exp)}`);
  return { provider, sub: String(claims.sub), claims };
}
