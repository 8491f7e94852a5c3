import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { startRecordingServer, type RecordingServer } from '../../support/recording-server.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

const HOSTILE = "eyJhbGciOiJSUzI1NiJ9.e30.x'; id > /tmp/pwned; echo '";

// A fake Cognito and a fake OAuth domain (a recording server on 127.0.0.1: the attacker's, modelled on nothing) against
// the built ctm, with the real keyring.
describe.skipIf(!HAS_KEYRING)('hostile servers: tokens refused where they enter (built ctm, real keyring, fake Cognito)', () => {
  let app: AppFixture;
  let fake: RecordingServer;
  const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);

  beforeAll(async () => {
    app = await startAppFixture(skeletonSeed(3600));
    fake = await startRecordingServer();
  });
  afterAll(async () => {
    await fake?.close();
    await app?.close();
  });

  it('an access token that is not a JWT from a Cognito endpoint: refused (exit 5), said clearly, nothing stored', async () => {
    fake.answer(() => ({ json: { AuthenticationResult: { AccessToken: HOSTILE, ExpiresIn: 3600, TokenType: 'Bearer', RefreshToken: 'hostile-refresh' } } }));
    expect((await ctm(['profile', 'add', 'fakeidp', '--user-pool-id', TEST_POOL, '--client-id', PUBLIC_CLIENT, '--username', 'alice', '--auth-flow', 'USER_PASSWORD_AUTH', '--endpoint', fake.url])).code).toBe(0);
    const login = await ctm(['login', 'fakeidp', '--password-stdin'], 'pw\n');
    expect(login.code).toBe(5);
    expect(login.stderr).toContain("Cognito's access token is not a well-formed JWT");
    expect(login.stderr + login.stdout).not.toContain('id >');
    const token = await ctm(['token', 'fakeidp', '--format', 'env']);
    expect(token.stdout).toBe('');
    expect(token.code).toBe(3);
  });

  it('an access token that is not a JWT from an OAuth token endpoint: refused (exit 5), nothing printed or stored', async () => {
    fake.answer((request) => (request.url.startsWith('/oauth2/token') ? { json: { access_token: HOSTILE, expires_in: 3600, token_type: 'Bearer' } } : { status: 404, json: {} }));
    expect((await ctm(['profile', 'add', 'machine', '--user-pool-id', TEST_POOL, '--client-id', 'machineclient1', '--auth-flow', 'CLIENT_CREDENTIALS', '--domain', fake.url, '--endpoint', fake.url, '--client-secret-stdin'], 'machine-secret\n')).code).toBe(0);
    const token = await ctm(['token', 'machine', '--format', 'env']);
    expect(token.code).toBe(5);
    expect(token.stdout).toBe('');
    expect(token.stderr).toContain("Cognito's access token is not a well-formed JWT");
    expect(token.stderr).not.toContain('id >');
  });
});
