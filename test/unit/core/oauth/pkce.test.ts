import { describe, expect, it } from 'vitest';
import { createPkce, randomToken, s256 } from '../../../../main/core/oauth/pkce.ts';

describe('PKCE (RFC 7636)', () => {
  it('computes the S256 challenge of RFC 7636 appendix B', () => {
    expect(s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes a fresh 43-character verifier each time, with its challenge', () => {
    const [a, b] = [createPkce(), createPkce()];
    expect(a.verifier).toMatch(/^[\w-]{43}$/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.challenge).toBe(s256(a.verifier));
  });

  it('state and nonce values are unguessable and differ', () => {
    expect(randomToken()).toMatch(/^[\w-]{22}$/);
    expect(randomToken()).not.toBe(randomToken());
  });
});
