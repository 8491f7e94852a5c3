import { randomBytes } from 'node:crypto';
import type { TokenSet } from '../../main/core/tokens/token-set.ts';
import { unsignedJwt } from './jwt-fixture.ts';

/**
 * A refresh token shaped like Cognito's: a JWE in compact form (five base64url parts, RSA-OAEP + A256GCM header),
 * 1,780 characters long by default, as AWS issues them; `length` makes longer ones (the layout must take 8 KB).
 */
export function awsSizedRefreshToken(length = 1_780): string {
  const header = Buffer.from(JSON.stringify({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' })).toString('base64url');
  const fixed = `${header}.${randomBytes(256).toString('base64url')}.${randomBytes(12).toString('base64url')}..${randomBytes(16).toString('base64url')}`;
  const body = randomBytes(Math.ceil(length * 0.75))
    .toString('base64url')
    .slice(0, Math.max(0, length - fixed.length));
  const [a, b, c, , d] = fixed.split('.');
  return `${a}.${b}.${c}.${body}.${d}`;
}

/** An ID token with custom attributes, about `size` characters (AWS issues 1.5 to 4 KB ones). */
export function awsSizedIdToken(size = 4_000, exp = 2_000_000_000): string {
  const claims: Record<string, unknown> = {
    sub: 'a6b1c2d3-0000-4000-8000-000000000000',
    'cognito:username': 'alice',
    token_use: 'id',
    exp,
  };
  claims['custom:profile'] = 'x'.repeat(Math.max(0, Math.floor((size - unsignedJwt(claims).length) * 0.75) - 20));
  return unsignedJwt(claims);
}

/** A whole AWS-sized session (7 KB or more as one JSON item: what Windows refused in 0.1.0's layout). */
export function awsSizedSession(
  options: { refreshLength?: number; idSize?: number; expiresAt?: number } = {},
): TokenSet {
  const expiresAt = options.expiresAt ?? 2_000_000_000_000;
  return {
    accessToken: unsignedJwt({
      sub: 'a6b1c2d3',
      username: 'alice',
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      exp: Math.floor(expiresAt / 1000),
      pad: 'p'.repeat(700),
    }),
    idToken: awsSizedIdToken(options.idSize ?? 4_000, Math.floor(expiresAt / 1000)),
    refreshToken: awsSizedRefreshToken(options.refreshLength ?? 1_780),
    tokenType: 'Bearer',
    expiresAt,
    issuedAt: expiresAt - 3_600_000,
    userId: 'alice',
  };
}
