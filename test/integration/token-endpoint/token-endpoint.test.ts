import { profileRef } from '../../../main/core/profiles/profile-id.ts';
import { idOf } from '../../support/profile-ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../main/core/core.ts';
import { KeytarSecretStore } from '../../../main/core/keychain/keytar-secret-store.ts';
import { startTokenEndpoint } from '../../../main/core/token-endpoint/token-endpoint.ts';
import type { RunningTokenEndpoint } from '../../../main/core/token-endpoint/token-endpoint-server.ts';
import { writeEndpointSettings } from '../../../main/core/token-endpoint/endpoint-settings.ts';
import { createApi } from '../../../main/ipc/handlers.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { RecordingClipboard } from '../../support/recording-clipboard.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { basic, rawRequest, slowloris, tokenRequest } from '../../support/token-endpoint/raw-http.ts';

const LIFETIME_S = 3600;

describe.skipIf(!HAS_KEYRING)(
  'token endpoint: client-credentials grant on real sockets, real keyring and emulator',
  () => {
    let app: AppFixture;
    let core: Core;
    let endpoint: RunningTokenEndpoint;
    let offset = 0; // this process's clock, moved forward to bring tokens near expiry without waiting
    let origins: string[] = [];
    const secrets: Record<string, string> = {};
    const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);
    const refreshes = () =>
      app.emulator.requests.filter(
        (r) => r.operation === 'GetTokensFromRefreshToken' || r.body.AuthFlow === 'REFRESH_TOKEN_AUTH',
      ).length;

    beforeAll(async () => {
      app = await startAppFixture(skeletonSeed(LIFETIME_S));
      for (const name of ['dev', 'ops', 'idle']) {
        await ctm([
          'profile',
          'add',
          name,
          '--user-pool-id',
          TEST_POOL,
          '--client-id',
          PUBLIC_CLIENT,
          '--username',
          'alice',
          '--auth-flow',
          'USER_PASSWORD_AUTH',
          '--endpoint',
          app.emulator.endpoint,
        ]);
        if (name !== 'idle')
          expect((await ctm(['login', name, '--password-stdin'], `${ALICE_PASSWORD}\n`)).code).toBe(0);
      }
      core = new Core({
        configDir: app.configDir,
        secretStore: new KeytarSecretStore(),
        clock: { now: () => Date.now() + offset },
      });
      endpoint = await startTokenEndpoint(core, { port: 0, allowedOrigins: async () => origins });
      await writeEndpointSettings(app.configDir, { port: endpoint.port, allowedOrigins: [] });
      for (const name of ['dev', 'ops', 'idle']) {
        const shown = await ctm(['endpoint', 'credentials', name, '--json']);
        expect(shown.code).toBe(0);
        secrets[name] = (JSON.parse(shown.stdout) as { clientSecret: string }).clientSecret;
      }
    });
    afterAll(async () => {
      await endpoint?.close();
      await app?.close();
    });

    it('ctm endpoint credentials prints exactly tokenUrl, clientId and clientSecret; the same secret each time until rotated', async () => {
      const shown = JSON.parse((await ctm(['endpoint', 'credentials', 'dev', '--json'])).stdout) as Record<
        string,
        string
      >;
      expect(Object.keys(shown)).toEqual(['tokenUrl', 'clientId', 'clientSecret']);
      expect(shown).toEqual({
        tokenUrl: `http://127.0.0.1:${endpoint.port}/oauth2/token`,
        clientId: 'dev',
        clientSecret: secrets.dev,
      });
      expect(secrets.dev).toMatch(/^ctm_[A-Za-z0-9_-]{43}$/);
      expect(secrets.dev).not.toBe(secrets.ops);
      const text = await ctm(['endpoint', 'credentials', 'dev']);
      expect(text).toMatchObject({ code: 0, stderr: '' }); // our endpoint answers at the URL: no warning
      expect(text.stdout).toContain(`Client secret: ${secrets.dev}\n`);
    });

    it("the window's methods: the token URL and client id to show, and a copy of the secret that never reaches the renderer", async () => {
      const clipboard = new RecordingClipboard();
      const api = createApi(core, clipboard);
      const dev = await core.resolveProfile(profileRef('dev'));
      const view = await api.endpointCredentials(dev.id);
      expect(view).toEqual({ tokenUrl: endpoint.tokenUrl, clientId: 'dev', served: true });
      expect(JSON.stringify(view)).not.toContain(secrets.dev);
      await api.copyEndpointSecret(dev.id);
      expect(clipboard.copies.at(-1)).toBe(secrets.dev);
    });

    it('Basic credentials get the access token, with the time it has left', async () => {
      const answer = await tokenRequest(
        endpoint.port,
        { grant_type: 'client_credentials' },
        { Authorization: basic('dev', secrets.dev ?? '') },
      );
      expect(answer.status).toBe(200);
      expect(answer.headers['cache-control']).toBe('no-store');
      const body = JSON.parse(answer.body) as Record<string, unknown>;
      const stored = await core.tokens(await idOf(core, 'dev'));
      expect(body).toEqual({
        access_token: stored.accessToken,
        token_type: 'Bearer',
        expires_in: expect.any(Number) as unknown,
      });
      expect(
        Math.abs(Number(body.expires_in) - Math.floor((stored.expiresAt - core.now()) / 1000)),
      ).toBeLessThanOrEqual(1);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('form credentials work too, and scope id_token gets the ID token', async () => {
      const answer = await tokenRequest(endpoint.port, {
        grant_type: 'client_credentials',
        client_id: 'ops',
        client_secret: secrets.ops ?? '',
        scope: 'openid id_token',
      });
      expect(answer.status).toBe(200);
      const body = JSON.parse(answer.body) as Record<string, unknown>;
      expect(body.access_token).toBe((await core.tokens(await idOf(core, 'ops'))).idToken);
      expect(body.scope).toBe('id_token');
    });

    it('renews a token within the refresh margin before answering, and expires_in is the new time left', async () => {
      const before = JSON.parse(
        (
          await tokenRequest(
            endpoint.port,
            { grant_type: 'client_credentials' },
            { Authorization: basic('dev', secrets.dev ?? '') },
          )
        ).body,
      ) as { access_token: string };
      const calls = refreshes();
      // 58 minutes on, on both clocks: 2 minutes are left, inside the 5-minute margin of a 1-hour token.
      offset += 58 * 60_000;
      app.emulator.advanceClock(58 * 60_000);
      const after = JSON.parse(
        (
          await tokenRequest(
            endpoint.port,
            { grant_type: 'client_credentials' },
            { Authorization: basic('dev', secrets.dev ?? '') },
          )
        ).body,
      ) as { access_token: string; expires_in: number };
      expect(refreshes()).toBe(calls + 1);
      expect(after.access_token).not.toBe(before.access_token);
      expect(after.expires_in).toBeGreaterThan(LIFETIME_S - 60);
      // The renewed token is stored: `ctm token` serves the same one.
      expect((await ctm(['token', 'dev'])).stdout.trim()).toBe(after.access_token);
    });

    it('answers RFC 6749 §5.2 errors a person can act on', async () => {
      const dev = { Authorization: basic('dev', secrets.dev ?? '') };
      const cases: [Record<string, string>, Record<string, string>, number, string, RegExp][] = [
        [{ grant_type: 'password' }, dev, 400, 'unsupported_grant_type', /client_credentials/],
        [{}, dev, 400, 'invalid_request', /grant_type is missing/],
        [{ grant_type: 'client_credentials', client_secret: 'x' }, dev, 400, 'invalid_request', /not both/],
        [{ grant_type: 'client_credentials' }, {}, 401, 'invalid_client', /ctm endpoint credentials NAME/],
        [
          { grant_type: 'client_credentials' },
          { Authorization: basic('idle', secrets.idle ?? '') },
          400,
          'invalid_grant',
          /sign in with ctm login idle$/,
        ],
        [
          { grant_type: 'client_credentials', scope: 'id_token' },
          { Authorization: 'Bearer abc' },
          401,
          'invalid_client',
          /Basic/,
        ],
      ];
      for (const [form, headers, status, error, description] of cases) {
        const answer = await tokenRequest(endpoint.port, form, headers);
        expect(answer.status, JSON.stringify(form)).toBe(status);
        const body = JSON.parse(answer.body) as { error: string; error_description: string };
        expect(body.error).toBe(error);
        expect(body.error_description).toMatch(description);
        if (status === 401) expect(answer.headers['www-authenticate']).toMatch(/^Basic /);
      }
      expect((await rawRequest(endpoint.port, { method: 'GET' })).status).toBe(405);
      expect(
        (
          await rawRequest(endpoint.port, {
            path: '/',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          })
        ).status,
      ).toBe(404);
      expect(
        (await rawRequest(endpoint.port, { headers: { 'Content-Type': 'application/json' }, body: '{}' })).status,
      ).toBe(400);
    });

    it("attacker: a wrong secret, another profile's secret and an unknown client get the same refusal and no token", async () => {
      const attempts = [
        basic('dev', 'ctm_guess'),
        basic('dev', secrets.ops ?? ''),
        basic('nobody', secrets.dev ?? ''),
        basic('dev', `${secrets.dev ?? ''}x`),
        basic('dev', (secrets.dev ?? '').slice(0, -1)),
      ];
      const answers = await Promise.all(
        attempts.map((Authorization) =>
          tokenRequest(endpoint.port, { grant_type: 'client_credentials' }, { Authorization }),
        ),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(401);
        expect(JSON.parse(answer.body)).toEqual({
          error: 'invalid_client',
          error_description:
            'Unknown client or wrong client secret. The client id is the profile name; get the secret with: ctm endpoint credentials NAME',
        });
        expect(answer.body).not.toMatch(/eyJ/);
      }
      // After the failures (the throttle spaces checks out), the right secret still gets its token, and turns the throttle off.
      expect(
        (
          await tokenRequest(
            endpoint.port,
            { grant_type: 'client_credentials' },
            { Authorization: basic('dev', secrets.dev ?? '') },
          )
        ).status,
      ).toBe(200);
    });

    it('attacker: a secret rotated by another process stops working within 10 s in an endpoint that held it in memory', async () => {
      const rotated = JSON.parse((await ctm(['endpoint', 'credentials', 'ops', '--json', '--rotate'])).stdout) as {
        clientSecret: string;
      };
      expect(rotated.clientSecret).not.toBe(secrets.ops);
      offset += 10_001; // the endpoint's clock, not a sleep
      expect(
        (
          await tokenRequest(
            endpoint.port,
            { grant_type: 'client_credentials' },
            { Authorization: basic('ops', secrets.ops ?? '') },
          )
        ).status,
      ).toBe(401);
      expect(
        (
          await tokenRequest(
            endpoint.port,
            { grant_type: 'client_credentials' },
            { Authorization: basic('ops', rotated.clientSecret) },
          )
        ).status,
      ).toBe(200);
      secrets.ops = rotated.clientSecret;
    });

    it('attacker: DNS rebinding (a foreign Host) and web pages (Origin) are refused, with no CORS headers', async () => {
      const good = {
        Authorization: basic('dev', secrets.dev ?? ''),
        'Content-Type': 'application/x-www-form-urlencoded',
      };
      const body = 'grant_type=client_credentials';
      for (const host of [
        'evil.example',
        `evil.example:${endpoint.port}`,
        `127.0.0.1.evil.example:${endpoint.port}`,
        `127.0.0.1:${endpoint.port + 1}`,
        `[::1]:${endpoint.port}`,
      ]) {
        const answer = await rawRequest(endpoint.port, { headers: { ...good, Host: host }, body });
        expect(answer.status, host).toBe(403);
        expect(answer.body).not.toMatch(/access_token/);
      }
      expect(
        (await rawRequest(endpoint.port, { headers: { ...good, Host: `localhost:${endpoint.port}` }, body })).status,
      ).toBe(200);
      for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${endpoint.port}`]) {
        const answer = await rawRequest(endpoint.port, { headers: { ...good, Origin: origin }, body });
        expect(answer.status, origin).toBe(403);
        expect(answer.headers['access-control-allow-origin']).toBeUndefined();
        const preflight = await rawRequest(endpoint.port, {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
        });
        expect(preflight.status).toBe(403);
        expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      }
    });

    it('an origin the user allowed may call, with CORS for that origin only (and a private-network preflight)', async () => {
      origins = ['https://hoppscotch.io'];
      try {
        const preflight = await rawRequest(endpoint.port, {
          method: 'OPTIONS',
          headers: {
            Origin: 'https://hoppscotch.io',
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Private-Network': 'true',
          },
        });
        expect(preflight.status).toBe(204);
        expect(preflight.headers).toMatchObject({
          'access-control-allow-origin': 'https://hoppscotch.io',
          'access-control-allow-private-network': 'true',
          vary: 'Origin',
        });
        const answer = await tokenRequest(
          endpoint.port,
          { grant_type: 'client_credentials' },
          { Authorization: basic('dev', secrets.dev ?? ''), Origin: 'https://hoppscotch.io' },
        );
        expect(answer.status).toBe(200);
        expect(answer.headers['access-control-allow-origin']).toBe('https://hoppscotch.io');
        expect(
          (
            await tokenRequest(
              endpoint.port,
              { grant_type: 'client_credentials' },
              { Authorization: basic('dev', secrets.dev ?? ''), Origin: 'https://hoppscotch.io.evil.example' },
            )
          ).status,
        ).toBe(403);
      } finally {
        origins = [];
      }
    });

    it('attacker: an oversized body is refused before it is read (413), declared or streamed', async () => {
      const big = `grant_type=client_credentials&pad=${'a'.repeat(64 * 1024)}`;
      const declared = await rawRequest(endpoint.port, {
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: basic('dev', secrets.dev ?? ''),
        },
        body: big,
      });
      expect(declared.status).toBe(413);
      const streamed = await rawRequest(endpoint.port, {
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Transfer-Encoding': 'chunked',
          Authorization: basic('dev', secrets.dev ?? ''),
        },
        body: big,
      });
      expect(streamed.status).toBe(413);
      const headers = await rawRequest(endpoint.port, {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Big': 'a'.repeat(32 * 1024) },
        body: 'grant_type=client_credentials',
      }).catch(() => ({ status: 431 }));
      expect(headers.status).toBe(431);
    });

    /** Starts a slowloris of `kind`, checks that a real client is served meanwhile, and that the slow one is cut off. */
    const cutOffWhileOthersAreServed = async (kind: 'headers' | 'body', giveUpMs: number): Promise<void> => {
      const slow = slowloris(endpoint.port, giveUpMs, kind);
      expect(
        (
          await tokenRequest(
            endpoint.port,
            { grant_type: 'client_credentials' },
            { Authorization: basic('dev', secrets.dev ?? '') },
          )
        ).status,
      ).toBe(200);
      const outcome = await slow;
      expect(outcome.closed).toBe(true);
      expect(outcome.received).not.toMatch(/access_token/);
    };

    it('attacker: slowloris (headers one byte at a time) is cut off, and others are served meanwhile', async () => {
      await cutOffWhileOthersAreServed('headers', 20_000);
    }, 30_000);

    it('attacker: slowloris on the body (complete headers, then one body byte at a time) is cut off too', async () => {
      // The headers are in: only the whole-request limit (10 s) can end this; Node's default would wait 300 s.
      await cutOffWhileOthersAreServed('body', 25_000);
    }, 35_000);
  },
);
