import { idOf } from '../../support/profile-ids.ts';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../main/core/core.ts';
import { KeytarSecretStore } from '../../../main/core/keychain/keytar-secret-store.ts';
import { startTokenEndpoint } from '../../../main/core/token-endpoint/token-endpoint.ts';
import type { RunningTokenEndpoint } from '../../../main/core/token-endpoint/token-endpoint-server.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { startProtectedApi, type ProtectedApi } from '../../support/token-endpoint/protected-api.ts';

const run = promisify(execFile);
const BRU = join(process.cwd(), 'node_modules/@usebruno/cli/bin/bru.js');

/** A Bruno request file whose auth is OAuth 2.0 client credentials at the variables' token URL (Bruno's .bru format). */
function bruRequest(
  name: string,
  seq: number,
  placement: 'basic_auth_header' | 'body',
  scope: string,
  tokenUse: string,
): string {
  return `meta {
  name: ${name}
  type: http
  seq: ${seq}
}

get {
  url: {{apiUrl}}/me
  body: none
  auth: oauth2
}

auth:oauth2 {
  grant_type: client_credentials
  access_token_url: {{tokenUrl}}
  refresh_token_url: 
  client_id: {{clientId}}
  client_secret: {{clientSecret}}
  scope: ${scope}
  credentials_placement: ${placement}
  credentials_id: ${name}
  token_placement: header
  token_header_prefix: Bearer
  auto_fetch_token: true
  auto_refresh_token: true
}

assert {
  res.status: eq 200
  res.body.token_use: eq ${tokenUse}
}
`;
}

describe.skipIf(!HAS_KEYRING)(
  'the token endpoint with clients nobody here wrote: Bruno CLI and openid-client, against an emulator-protected API',
  () => {
    let app: AppFixture;
    let api: ProtectedApi;
    let core: Core;
    let endpoint: RunningTokenEndpoint;
    let offset = 0;
    let secret = '';
    let collection = '';
    const refreshes = () =>
      app.emulator.requests.filter(
        (r) => r.operation === 'GetTokensFromRefreshToken' || r.body.AuthFlow === 'REFRESH_TOKEN_AUTH',
      ).length;
    const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);
    const later = (ms: number) => {
      offset += ms;
      app.emulator.advanceClock(ms);
    };

    const bru = async (): Promise<{ passed: number; failed: number; stdout: string }> => {
      const report = join(collection, `report-${Date.now()}.json`);
      const vars = { tokenUrl: endpoint.tokenUrl, clientId: 'dev', clientSecret: secret, apiUrl: api.url };
      const args = [
        BRU,
        'run',
        '--reporter-json',
        report,
        ...Object.entries(vars).flatMap(([k, v]) => ['--env-var', `${k}=${v}`]),
      ];
      const { stdout } = await run(process.execPath, args, {
        cwd: collection,
        env: { PATH: process.env.PATH ?? '', HOME: collection },
      }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
      const results = JSON.parse(readFileSync(report, 'utf8')) as [
        { summary: { passedRequests: number; failedRequests: number } },
      ];
      return { passed: results[0].summary.passedRequests, failed: results[0].summary.failedRequests, stdout };
    };

    beforeAll(async () => {
      app = await startAppFixture(skeletonSeed(3600));
      api = await startProtectedApi({
        emulatorEndpoint: app.emulator.endpoint,
        poolId: TEST_POOL,
        now: () => app.emulator.now(),
      });
      await ctm([
        'profile',
        'add',
        'dev',
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
      expect((await ctm(['login', 'dev', '--password-stdin'], `${ALICE_PASSWORD}\n`)).code).toBe(0);
      core = new Core({
        configDir: app.configDir,
        secretStore: new KeytarSecretStore(),
        clock: { now: () => Date.now() + offset },
      });
      endpoint = await startTokenEndpoint(core, { port: 0, allowedOrigins: async () => [] });
      secret = (
        JSON.parse((await ctm(['endpoint', 'credentials', 'dev', '--json'])).stdout) as { clientSecret: string }
      ).clientSecret;
      collection = mkdtempSync(join(tmpdir(), 'ctm-bruno-'));
      writeFileSync(
        join(collection, 'bruno.json'),
        JSON.stringify({ version: '1', name: 'ctm endpoint', type: 'collection' }),
      );
      writeFileSync(join(collection, 'me.bru'), bruRequest('me', 1, 'basic_auth_header', '', 'access'));
      writeFileSync(join(collection, 'me-id.bru'), bruRequest('me-id', 2, 'body', 'id_token', 'id'));
    });
    afterAll(async () => {
      await endpoint?.close();
      await api?.close();
      await app?.close();
    });

    it('Bruno CLI gets the access token (Basic) and the ID token (form, scope id_token) and calls the API with them', async () => {
      const outcome = await bru();
      expect(outcome, outcome.stdout).toMatchObject({ passed: 2, failed: 0 });
      const session = await core.tokens(await idOf(core, 'dev'));
      expect(api.authorizations.slice(-2)).toEqual([`Bearer ${session.accessToken}`, `Bearer ${session.idToken}`]);
    }, 60_000);

    it("Bruno CLI gets a renewed token when the profile's nears expiry (the endpoint renews it first)", async () => {
      const before = api.authorizations.at(-2);
      const calls = refreshes();
      later(58 * 60_000);
      const outcome = await bru();
      expect(outcome, outcome.stdout).toMatchObject({ passed: 2, failed: 0 });
      expect(refreshes()).toBe(calls + 1);
      expect(api.authorizations.at(-2)).not.toBe(before);
      expect(api.authorizations.at(-2)).toBe(`Bearer ${(await core.tokens(await idOf(core, 'dev'))).accessToken}`);
    }, 60_000);

    it('openid-client (client_secret_basic) gets tokens, calls the API with them, and sees expires_in count down then renew', async () => {
      const config = new oidc.Configuration(
        { issuer: `http://127.0.0.1:${endpoint.port}`, token_endpoint: endpoint.tokenUrl },
        'dev',
        secret,
      );
      oidc.allowInsecureRequests(config); // http is what a loopback endpoint speaks; openid-client asks to be told so
      const access = await oidc.clientCredentialsGrant(config);
      expect(access.token_type).toBe('bearer'); // openid-client lower-cases it
      const me = await oidc.fetchProtectedResource(config, access.access_token, new URL(`${api.url}/me`), 'GET');
      expect(await me.json()).toMatchObject({ token_use: 'access', client_id: PUBLIC_CLIENT });
      const id = await oidc.clientCredentialsGrant(config, { scope: 'id_token' });
      expect(id.scope).toBe('id_token');
      expect(
        await (await oidc.fetchProtectedResource(config, id.access_token, new URL(`${api.url}/me`), 'GET')).json(),
      ).toMatchObject({ token_use: 'id' });
      const left = access.expires_in ?? 0; // as the endpoint sent it (expiresIn() counts down on openid-client's own clock)
      later(20 * 60_000);
      const same = await oidc.clientCredentialsGrant(config);
      expect(same.access_token).toBe(access.access_token);
      expect(same.expires_in).toBeLessThanOrEqual(left - 20 * 60);
      const calls = refreshes();
      later(37 * 60_000);
      const renewed = await oidc.clientCredentialsGrant(config);
      expect(refreshes()).toBe(calls + 1);
      expect(renewed.access_token).not.toBe(access.access_token);
      expect(renewed.expiresIn()).toBeGreaterThan(3500);
      expect(
        (await oidc.fetchProtectedResource(config, renewed.access_token, new URL(`${api.url}/me`), 'GET')).status,
      ).toBe(200);
    });

    it('openid-client with a wrong secret gets 401 invalid_client with a Basic challenge, as an OAuth error it understands', async () => {
      const config = new oidc.Configuration(
        { issuer: `http://127.0.0.1:${endpoint.port}`, token_endpoint: endpoint.tokenUrl },
        'dev',
        'ctm_wrong',
      );
      oidc.allowInsecureRequests(config);
      const refusal = (await oidc
        .clientCredentialsGrant(config)
        .catch((error: unknown) => error)) as oidc.WWWAuthenticateChallengeError;
      expect(refusal).toBeInstanceOf(oidc.WWWAuthenticateChallengeError);
      expect(refusal.status).toBe(401);
      expect(refusal.cause[0]?.scheme).toBe('basic');
      expect(await refusal.response.json()).toMatchObject({ error: 'invalid_client' });
    });
  },
);
