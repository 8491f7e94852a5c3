import { describe, expect, it } from 'vitest';
import { authorizeUrl } from '../../../../main/core/oauth/authorize-url.ts';

const base = {
  domain: 'https://myapp.auth.eu-west-1.amazoncognito.com',
  clientId: 'abc123',
  redirectUri: 'http://127.0.0.1:5000/callback',
  state: 'S',
  nonce: 'N',
  codeChallenge: 'C',
};

describe('the /oauth2/authorize URL', () => {
  it('asks for a code with PKCE S256, state, nonce and the scopes joined by %20', () => {
    const url = authorizeUrl({ ...base, scopes: ['openid', 'email', 'orders-api/read'] });
    expect(url.startsWith('https://myapp.auth.eu-west-1.amazoncognito.com/oauth2/authorize?')).toBe(true);
    expect(url).toContain('scope=openid%20email%20orders-api%2Fread');
    expect(Object.fromEntries(new URL(url).searchParams)).toEqual({
      response_type: 'code',
      client_id: 'abc123',
      redirect_uri: 'http://127.0.0.1:5000/callback',
      scope: 'openid email orders-api/read',
      state: 'S',
      nonce: 'N',
      code_challenge: 'C',
      code_challenge_method: 'S256',
    });
  });

  it("leaves scope out when none is set (Cognito then grants the client's allowed scopes) and adds the provider hints", () => {
    const url = new URL(
      authorizeUrl({ ...base, scopes: undefined, identityProvider: 'Okta', idpIdentifier: 'example.com' }),
    );
    expect(url.searchParams.has('scope')).toBe(false);
    expect(url.searchParams.get('identity_provider')).toBe('Okta');
    expect(url.searchParams.get('idp_identifier')).toBe('example.com');
  });
});
