import { testProfileId } from '../../../support/profile-ids.ts';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIdToken, tokenSetFromOAuth, verifyIdTokenSignature } from '../../../../main/core/oauth/oauth-tokens.ts';
import { parseProfileFields } from '../../../../main/core/profiles/profile.ts';

const jwt = (claims: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
const profile = {
  ...parseProfileFields({
    name: 'p',
    region: 'us-east-1',
    userPoolId: 'us-east-1_Pool1',
    clientId: 'client1',
    authFlow: 'MANAGED_LOGIN',
    domain: 'https://a.auth.us-east-1.amazoncognito.com',
  }),
  id: testProfileId('00000000-0000-4000-8000-000000000000'),
};
const good = {
  iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool1',
  aud: 'client1',
  token_use: 'id',
  nonce: 'n1',
};

describe('ID token checks of a code exchange (OpenID Connect Core §3.1.3.7)', () => {
  it('accepts the pool, the client and our nonce', () => {
    expect(() => checkIdToken(jwt(good), profile, 'n1')).not.toThrow();
  });

  it("accepts the pool's updated issuer (IssuerConfiguration UPDATED), and no other host", () => {
    expect(() =>
      checkIdToken(
        jwt({ ...good, iss: 'https://issuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool1' }),
        profile,
        'n1',
      ),
    ).not.toThrow();
    expect(() =>
      checkIdToken(
        jwt({ ...good, iss: 'https://issuer-cognito-idp.eu-west-1.amazonaws.com/us-east-1_Pool1' }),
        profile,
        'n1',
      ),
    ).toThrow(/\(issuer\)/);
    expect(() => checkIdToken(jwt({ ...good, iss: 'https://evil.example/us-east-1_Pool1' }), profile, 'n1')).toThrow(
      /\(issuer\)/,
    );
    expect(() => checkIdToken(jwt({ ...good, iss: 7 }), profile, 'n1')).toThrow(/\(issuer\)/);
  });

  it.each([
    ['issuer', { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' }],
    ['audience', { aud: 'someoneelse' }],
    ['nonce', { nonce: 'replayed' }],
    ['token_use', { token_use: 'access' }],
  ])('refuses a wrong %s', (what, change) => {
    expect(() => checkIdToken(jwt({ ...good, ...change }), profile, 'n1')).toThrow(
      new RegExp(`failed a check \\(${what}\\)`),
    );
  });

  it('builds a token set from the token endpoint answer, keeping the old refresh token when none comes back', () => {
    const set = tokenSetFromOAuth(
      { access_token: jwt({ exp: 2_000, sub: 'u' }), expires_in: 3600, token_type: 'Bearer' },
      1_000_000,
      'old-refresh',
    );
    expect(set).toMatchObject({
      expiresAt: 2_000_000,
      refreshToken: 'old-refresh',
      tokenType: 'Bearer',
      issuedAt: 1_000_000,
    });
  });
});

describe('the ID token signature against the pool JWKS (a real HTTP key server on 127.0.0.1)', () => {
  const keyPair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pool = keyPair();
  let server: Server;
  let endpoint = '';
  const profileAt = (at: string) => ({ ...profile, endpoint: at });
  const signed = (key: KeyObject, kid = 'pool-key') =>
    new SignJWT(good).setProtectedHeader({ alg: 'RS256', kid }).sign(key);
  beforeAll(async () => {
    const jwk = { ...pool.publicKey.export({ format: 'jwk' }), kid: 'pool-key', alg: 'RS256', use: 'sig' };
    server = createServer((req, res) => {
      if (req.url !== '/us-east-1_Pool1/.well-known/jwks.json') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('accepts a token signed by the pool key', async () => {
    await expect(verifyIdTokenSignature(await signed(pool.privateKey), profileAt(endpoint))).resolves.toBeUndefined();
  });

  it('refuses a token signed by another key under the pool key id, and one with an unknown key id', async () => {
    const other = keyPair().privateKey;
    await expect(verifyIdTokenSignature(await signed(other), profileAt(endpoint))).rejects.toThrow(
      /failed a check \(signature\)/,
    );
    await expect(verifyIdTokenSignature(await signed(other, 'stranger'), profileAt(endpoint))).rejects.toThrow(
      /signature/,
    );
  });

  it('lets the token endpoint answer stand when the keys cannot be fetched', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(
      verifyIdTokenSignature(await signed(pool.privateKey), profileAt(`http://127.0.0.1:${port}/`)),
    ).resolves.toBeUndefined();
  });
});
