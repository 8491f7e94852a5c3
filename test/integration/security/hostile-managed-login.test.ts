import { testProfileId } from '../../support/profile-ids.ts';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyIdTokenSignature } from '../../../main/core/oauth/oauth-tokens.ts';
import { parseProfileFields } from '../../../main/core/profiles/profile.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { ctmLoginNoBrowser } from '../../support/ctm-login-no-browser.ts';
import {
  startRecordingServer,
  type RecordedRequest,
  type RecordingServer,
  type ServerAnswer,
} from '../../support/recording-server.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

const CLIENT = 'ssoclient1';
const ISSUER = `https://cognito-idp.us-east-1.amazonaws.com/${TEST_POOL}`;

/**
 * A fake managed-login domain (the attacker's recording server, modelled on nothing): /oauth2/authorize redirects at once
 * to our loopback listener with a code, /oauth2/token answers tokens for `user` signed with `signWith` (carrying the
 * nonce the authorize request sent), and the pool's JWKS is served only when given.
 */
function fakeDomain(
  fake: RecordingServer,
  options: { signWith: CryptoKey; user: string; email?: string; jwks?: unknown },
): void {
  let nonce = '';
  const sign = (claims: Record<string, unknown>): Promise<string> =>
    new SignJWT({
      ...claims,
      iss: ISSUER,
      exp: Math.floor(Date.now() / 1000) + 3600,
      iat: Math.floor(Date.now() / 1000),
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .sign(options.signWith);
  fake.answer(async (request: RecordedRequest): Promise<ServerAnswer> => {
    const url = new URL(request.url, fake.url);
    if (url.pathname === '/oauth2/authorize') {
      nonce = url.searchParams.get('nonce') ?? '';
      return {
        status: 302,
        text: '',
        headers: { location: `${url.searchParams.get('redirect_uri')}?code=c1&state=${url.searchParams.get('state')}` },
      };
    }
    if (url.pathname === `/${TEST_POOL}/.well-known/jwks.json`)
      return options.jwks ? { json: options.jwks } : { status: 404, json: {} };
    if (url.pathname !== '/oauth2/token') return { status: 404, json: {} };
    const access = await sign({ token_use: 'access', username: options.user, client_id: CLIENT });
    const id = await sign({
      token_use: 'id',
      aud: CLIENT,
      nonce,
      'cognito:username': options.user,
      ...(options.email ? { email: options.email } : {}),
    });
    return {
      json: {
        access_token: access,
        id_token: id,
        refresh_token: 'fake-refresh',
        expires_in: 3600,
        token_type: 'Bearer',
      },
    };
  });
}

// The built ctm against a fake OAuth domain on 127.0.0.1 (plain http), the real keyring; the "browser" is a fetch that
// follows the redirects, as a person's browser would.
describe.skipIf(!HAS_KEYRING)(
  "hostile managed login: forged, unverifiable and other users' ID tokens are refused (built ctm, fake domain)",
  () => {
    let app: AppFixture;
    let fake: RecordingServer;
    let poolKey: CryptoKey;
    let otherKey: CryptoKey;
    let jwks: unknown;
    const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);

    /** Runs `ctm login NAME --no-browser`, plays the browser, and returns how ctm ended. */
    const login = async (
      name: string,
      extra: Record<string, string> = {},
    ): Promise<{ code: number | null; stderr: string }> => {
      const run = ctmLoginNoBrowser(name, { ...app.env, ...extra });
      // The browser: the authorize page redirects to ctm's loopback listener, which answers once the sign-in is over.
      await fetch(await run.url).catch(() => undefined);
      return run.done;
    };
    const stored = async (name: string) => (await ctm(['token', name])).code === 0;

    beforeAll(async () => {
      app = await startAppFixture(skeletonSeed(3600));
      fake = await startRecordingServer();
      const pool = await generateKeyPair('RS256', { extractable: true });
      poolKey = pool.privateKey;
      otherKey = (await generateKeyPair('RS256')).privateKey;
      jwks = { keys: [{ ...(await exportJWK(pool.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
      for (const [name, extra] of [
        ['sso', ['--username', 'alice']],
        ['sso-anyone', []],
      ] as const) {
        expect(
          (
            await ctm([
              'profile',
              'add',
              name,
              '--user-pool-id',
              TEST_POOL,
              '--client-id',
              CLIENT,
              '--auth-flow',
              'MANAGED_LOGIN',
              '--domain',
              fake.url,
              '--endpoint',
              fake.url,
              ...extra,
            ])
          ).code,
        ).toBe(0);
      }
    });
    afterAll(async () => {
      await fake?.close();
      await app?.close();
    });

    it("a genuine sign-in of the profile's user: stored, and ctm says who signed in", async () => {
      fakeDomain(fake, { signWith: poolKey, user: 'alice', email: 'alice@example.com', jwks });
      const done = await login('sso');
      expect(done.stderr).toContain('Signed in to "sso" as alice (alice@example.com)');
      expect(done.code).toBe(0);
      expect(await stored('sso')).toBe(true);
      await ctm(['logout', 'sso']);
    });

    it('an ID token for another user than the profile names: refused (exit 5), nothing stored', async () => {
      fakeDomain(fake, { signWith: poolKey, user: 'mallory', jwks });
      const done = await login('sso');
      expect(done.code).toBe(5);
      expect(done.stderr).toContain(
        'Managed login signed in as mallory, but profile "sso" is for alice; nothing was stored',
      );
      expect(await stored('sso')).toBe(false);
    });

    it('without a username in the profile, ctm says whose session it now holds', async () => {
      fakeDomain(fake, { signWith: poolKey, user: 'mallory', jwks });
      const done = await login('sso-anyone');
      expect(done).toMatchObject({
        code: 0,
        stderr: expect.stringContaining('Signed in to "sso-anyone" as mallory') as unknown,
      });
      await ctm(['logout', 'sso-anyone']);
    });

    it('an ID token signed by another key: a refusal (exit 5), not a network error', async () => {
      fakeDomain(fake, { signWith: otherKey, user: 'alice', jwks });
      const done = await login('sso');
      expect(done.code).toBe(5);
      expect(done.stderr).toContain('failed a check (signature)');
      expect(await stored('sso')).toBe(false);
    });

    it("keys that cannot be fetched over plain http: the token endpoint's word is not enough, refused (exit 5)", async () => {
      fakeDomain(fake, { signWith: otherKey, user: 'alice' });
      const done = await login('sso', {});
      expect(done.code).toBe(5);
      expect(done.stderr).toContain("The ID token's signature could not be checked");
      expect(await stored('sso')).toBe(false);
    });
  },
);

describe("verifyIdTokenSignature without the pool's keys over TLS: accepted on the token endpoint's word, and said", () => {
  it('logs why (what --debug shows), where plain http would be refused', async () => {
    const key = (await generateKeyPair('RS256')).privateKey;
    const token = await new SignJWT({ iss: ISSUER }).setProtectedHeader({ alg: 'RS256', kid: 'x' }).sign(key);
    const lines: string[] = [];
    const logger = { info: (m: string) => void lines.push(m), warn: () => undefined, error: () => undefined };
    // An endpoint nobody answers on (port 9 on loopback, discard): the keys cannot be had.
    const profile = (domain: string) => ({
      ...parseProfileFields({
        name: 'p',
        region: 'us-east-1',
        userPoolId: TEST_POOL,
        clientId: CLIENT,
        authFlow: 'MANAGED_LOGIN',
        domain,
        endpoint: 'http://127.0.0.1:9',
      }),
      id: testProfileId('00000000-0000-4000-8000-000000000000'),
    });
    await verifyIdTokenSignature(token, profile('https://auth.example.com'), logger);
    expect(lines.join('\n')).toContain(
      "the ID token is accepted on the word of https://auth.example.com's token endpoint over TLS",
    );
    await expect(verifyIdTokenSignature(token, profile('http://127.0.0.1:9'), logger)).rejects.toThrow(
      /could not be checked/,
    );
  });
});
