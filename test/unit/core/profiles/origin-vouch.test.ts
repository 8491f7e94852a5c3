import { describe, expect, it } from 'vitest';
import { identityEndpointProblem, vouchProblem } from '../../../../main/core/profiles/origin-vouch.ts';
import { unsignedJwt } from '../../../support/jwt-fixture.ts';

// Claims as Cognito mints them (developer guide, "ID token payload" and "access token"): only iss, client_id/aud and
// token_use matter here, so the tokens are unsigned (the session file they come from is sealed by the keychain's key).
const POOL = 'us-east-1_Pool1';
const AWS_ISS = `https://cognito-idp.us-east-1.amazonaws.com/${POOL}`;
const base = { region: 'us-east-1', userPoolId: POOL, clientId: 'client1' };
const tokens = (iss: string, client = 'client1') => ({
  accessToken: unsignedJwt({ iss, client_id: client, token_use: 'access' }),
  idToken: unsignedJwt({ iss, aud: client, token_use: 'id' }),
});

describe('vouchProblem: whether the tokens of a session stored before origin binding vouch for the profile now', () => {
  it("vouches for AWS's endpoint of the region (none set, regional, FIPS, a PrivateLink name) with AWS's issuer, original or updated", () => {
    expect(vouchProblem(tokens(AWS_ISS), base)).toBeUndefined();
    expect(vouchProblem(tokens(`https://issuer-cognito-idp.us-east-1.amazonaws.com/${POOL}`), base)).toBeUndefined();
    for (const endpoint of [
      'https://cognito-idp.us-east-1.amazonaws.com/',
      'https://cognito-idp-fips.us-east-1.amazonaws.com',
      'https://vpce-0a1b2c3d-4e5f6a7b.cognito-idp.us-east-1.vpce.amazonaws.com/',
    ])
      expect(vouchProblem(tokens(AWS_ISS), { ...base, endpoint }), endpoint).toBeUndefined();
  });

  it('does not vouch for a custom endpoint with AWS-issued tokens: the attacker, a proxy and an emulator look alike', () => {
    for (const endpoint of [
      'http://127.0.0.1:8080/',
      'https://cognito-idp.us-east-1.amazonaws.com.evil.example/',
      'https://vpce-1.cognito-idp.us-east-1.vpce.amazonaws.com.evil.example/',
      'https://cognito-idp.eu-west-1.amazonaws.com/', // another region's: not where a us-east-1 pool's tokens come from
      'http://cognito-idp.us-east-1.amazonaws.com/', // plain http is anyone's on the way
    ])
      expect(vouchProblem(tokens(AWS_ISS), { ...base, endpoint }), endpoint).toBe(
        `its tokens were issued by ${AWS_ISS}, not ${endpoint.replace(/\/$/, '')}/${POOL}`,
      );
  });

  it('vouches for a custom endpoint whose tokens name it, as cognito-local mints them, and for no other', () => {
    const local = { ...base, endpoint: 'http://127.0.0.1:9229/' };
    expect(vouchProblem(tokens(`http://127.0.0.1:9229/${POOL}`), local)).toBeUndefined();
    expect(vouchProblem(tokens(`http://127.0.0.1:9229/${POOL}`), { ...local, endpoint: 'http://127.0.0.1:9230' })).toBe(
      `its tokens were issued by http://127.0.0.1:9229/${POOL}, not http://127.0.0.1:9230/${POOL}`,
    );
  });

  it('needs every token to name the profile\u2019s pool and client', () => {
    expect(vouchProblem(tokens(AWS_ISS.replace('Pool1', 'Pool2')), base)).toMatch(/^its tokens were issued by/);
    expect(vouchProblem(tokens(AWS_ISS, 'client2'), base)).toBe('its tokens are for client client2, not client1');
    const mixed = { ...tokens(AWS_ISS), idToken: unsignedJwt({ iss: AWS_ISS, aud: 'other', token_use: 'id' }) };
    expect(vouchProblem(mixed, base)).toBe('its tokens are for client other, not client1');
  });

  it('vouches for a Cognito prefix domain of the region, never a custom domain or another region\u2019s', () => {
    const domain = (d: string) => vouchProblem(tokens(AWS_ISS), { ...base, domain: d });
    expect(domain('https://my-app.auth.us-east-1.amazoncognito.com')).toBeUndefined();
    expect(domain('https://my-app.auth-fips.us-east-1.amazoncognito.com')).toBeUndefined();
    expect(domain('https://auth.example.com')).toBe(
      "no token can show that the domain auth.example.com belongs to the pool (only a Cognito prefix domain of us-east-1 is AWS's own)",
    );
    expect(domain('https://my-app.auth.eu-west-1.amazoncognito.com')).toMatch(/^no token can show/);
    expect(domain('https://my-app.auth.us-east-1.amazoncognito.com.evil.example')).toMatch(/^no token can show/);
  });

  it('cannot vouch with no readable token (a session rebuilt from its refresh token alone) and shows no control characters', () => {
    expect(vouchProblem({ accessToken: '' }, base)).toBe('only its refresh token was kept');
    expect(vouchProblem({ accessToken: 'not-a-jwt' }, base)).toBe('only its refresh token was kept');
    const hostile = vouchProblem(
      { accessToken: unsignedJwt({ iss: 'x\u001b]0;pwned\u0007', client_id: 'client1' }) },
      base,
    );
    expect(hostile).toBe(
      `its tokens were issued by x]0;pwned, not ${AWS_ISS} or ${AWS_ISS.replace('cognito-idp', 'issuer-cognito-idp')}`,
    );
  });
});

describe('identityEndpointProblem: an identity endpoint of the profile\u2019s own receives the ID token', () => {
  const pool = { ...base, identityPoolId: 'eu-west-1:0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9' };

  it("vouches for AWS's cognito-identity of the identity pool's region (https), for none of its own, and nothing else", () => {
    expect(identityEndpointProblem(pool)).toBeUndefined();
    for (const own of [
      'https://cognito-identity.eu-west-1.amazonaws.com',
      'https://cognito-identity-fips.eu-west-1.amazonaws.com/',
    ])
      expect(identityEndpointProblem({ ...pool, identityEndpoint: own }), own).toBeUndefined();
    for (const [own, host] of [
      ['https://identity.example.com', 'identity.example.com'],
      ['https://cognito-identity.us-east-1.amazonaws.com', 'cognito-identity.us-east-1.amazonaws.com'],
      ['http://127.0.0.1:4566', '127.0.0.1:4566'],
    ])
      expect(identityEndpointProblem({ ...pool, identityEndpoint: own }), own).toBe(
        `no token can show that the identity endpoint ${host} is AWS's cognito-identity`,
      );
    expect(vouchProblem(tokens(AWS_ISS), { ...pool, identityEndpoint: 'https://identity.example.com' })).toBe(
      "no token can show that the identity endpoint identity.example.com is AWS's cognito-identity",
    );
  });
});
