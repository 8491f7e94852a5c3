import { describe, expect, it } from 'vitest';
import { checkIdToken, tokenSetFromOAuth } from '../../../../main/core/oauth/oauth-tokens.ts';
import { parseProfileFields } from '../../../../main/core/profiles/profile.ts';

const jwt = (claims: Record<string, unknown>) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
const profile = { ...parseProfileFields({ name: 'p', region: 'us-east-1', userPoolId: 'us-east-1_Pool1', clientId: 'client1', authFlow: 'MANAGED_LOGIN', domain: 'https://a.auth.us-east-1.amazoncognito.com' }), id: '00000000-0000-4000-8000-000000000000' };
const good = { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool1', aud: 'client1', token_use: 'id', nonce: 'n1' };

describe('ID token checks of a code exchange (OpenID Connect Core §3.1.3.7)', () => {
  it('accepts the pool, the client and our nonce', () => {
    expect(() => checkIdToken(jwt(good), profile, 'n1')).not.toThrow();
  });

  it.each([
    ['issuer', { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' }],
    ['audience', { aud: 'someoneelse' }],
    ['nonce', { nonce: 'replayed' }],
    ['token_use', { token_use: 'access' }],
  ])('refuses a wrong %s', (what, change) => {
    expect(() => checkIdToken(jwt({ ...good, ...change }), profile, 'n1')).toThrow(new RegExp(`failed a check \\(${what}\\)`));
  });

  it('builds a token set from the token endpoint answer, keeping the old refresh token when none comes back', () => {
    const set = tokenSetFromOAuth({ access_token: jwt({ exp: 2_000, sub: 'u' }), expires_in: 3600, token_type: 'Bearer' }, 1_000_000, 'old-refresh');
    expect(set).toMatchObject({ expiresAt: 2_000_000, refreshToken: 'old-refresh', tokenType: 'Bearer', issuedAt: 1_000_000 });
  });
});
