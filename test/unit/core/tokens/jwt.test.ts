import { describe, expect, it } from 'vitest';
import { decodeJwtClaims } from '../../../../main/core/tokens/jwt.ts';

const part = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

describe('decodeJwtClaims (jose decodeJwt: one JWT decoder for the app)', () => {
  it('reads the claims of a compact JWT, unverified', () => {
    expect(
      decodeJwtClaims(`${part({ alg: 'RS256' })}.${part({ sub: 'u1', exp: 2, 'cognito:username': 'ä' })}.sig`),
    ).toEqual({ sub: 'u1', exp: 2, 'cognito:username': 'ä' });
  });

  it.each([
    ['not a JWT', 'hello'],
    ['a payload that is not JSON', `${part({ alg: 'none' })}.${part('nope')}.x`],
    ['a payload that is an array', `${part({ alg: 'none' })}.${part([1])}.x`],
    ['a five-part JWE (a refresh token)', 'a.b.c.d.e'],
    ['an empty payload', `${part({ alg: 'none' })}..x`],
  ])('returns undefined for %s', (_what, token) => {
    expect(decodeJwtClaims(token)).toBeUndefined();
  });
});
