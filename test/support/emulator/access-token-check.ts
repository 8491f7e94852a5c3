import { verify } from 'node:crypto';
import { notAuthorized } from './cognito-error.ts';
import type { EmulatorState } from './emulator-state.ts';
import { issuerOf } from './pool-issuer.ts';
import type { UserRecord } from './pool-records.ts';

/** The user behind a valid access token and the token's claims. */
export interface AccessTokenOwner {
  user: UserRecord;
  claims: Record<string, unknown>;
}

function decode(part: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Verifies an access token the emulator signed: signature, token_use, expiry, revocation. */
export function checkAccessToken(state: EmulatorState, token: string): AccessTokenOwner {
  const invalid = notAuthorized('Invalid Access Token');
  const [header, payload, signature] = token.split('.');
  const claims = decode(payload);
  if (!decode(header) || !claims || signature === undefined) throw invalid;
  const issuer = String(claims.iss ?? '');
  const pool = state.pools.get(issuer.slice(issuer.lastIndexOf('/') + 1));
  if (!pool || issuer !== issuerOf(pool)) throw invalid;
  const signed = verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    pool.signer.publicKey,
    Buffer.from(signature, 'base64url'),
  );
  if (!signed || claims.token_use !== 'access') throw invalid;
  if (Number(claims.exp) * 1000 <= state.clock.now()) throw notAuthorized('Access Token has expired');
  if (state.revokedOrigins.has(String(claims.origin_jti))) throw notAuthorized('Access Token has been revoked');
  const user = pool.users.get(String(claims.username));
  if (!user) throw notAuthorized('User does not exist.');
  return { user, claims };
}
