import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../support/app-fixture.ts';
import { runCtm } from '../support/run-ctm.ts';
import { filesContaining } from '../support/secret-scan.ts';
import {
  ALICE_PASSWORD,
  CLIENT_SECRET,
  PUBLIC_CLIENT,
  SECRET_CLIENT,
  skeletonSeed,
  TEST_POOL,
} from '../support/seeds-inline.ts';
import { HAS_KEYRING } from '../support/system-components.ts';

describe.skipIf(!HAS_KEYRING)('ctm as a child process, against the emulator and the real keyring', () => {
  let app: AppFixture;
  const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);
  beforeAll(async () => {
    app = await startAppFixture(skeletonSeed());
  });
  afterAll(async () => app?.close());

  it('adds and lists profiles', async () => {
    const add = await ctm([
      'profile',
      'add',
      'dev',
      '--region',
      'us-east-1',
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
    expect(add).toMatchObject({ code: 0 });
    const list = await ctm(['profile', 'list', '--json']);
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as { name: string }[]).map((p) => p.name)).toEqual(['dev']);
  });

  it('logs in with --password-stdin and prints only the token', async () => {
    const login = await ctm(['login', 'dev', '--password-stdin'], `${ALICE_PASSWORD}\n`);
    expect(login.code).toBe(0);
    expect(login.stdout).toBe('');
    const token = await ctm(['token', 'dev']);
    expect(token.code).toBe(0);
    expect(token.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const header = await ctm(['token', 'dev', '--type', 'id', '--format', 'header']);
    expect(header.stdout).toMatch(/^Authorization: Bearer [\w-]+\.[\w-]+\.[\w-]+\n$/);
    const json = JSON.parse((await ctm(['token', 'dev', '--format', 'json'])).stdout) as {
      expiresAt: string;
      token: string;
    };
    expect(Date.parse(json.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('refreshes when asked for more time than is left', async () => {
    const before = (await ctm(['token', 'dev'])).stdout;
    const requests = app.emulator.requests.length;
    const after = (await ctm(['token', 'dev', '--min-ttl', '3599.999'])).stdout;
    expect(after).not.toBe(before);
    expect(app.emulator.requests.slice(requests).map((r) => r.operation)).toEqual(['GetTokensFromRefreshToken']);
  });

  it('reads a client secret from stdin into the keyring only', async () => {
    const add = await ctm(
      [
        'profile',
        'add',
        'conf',
        '--user-pool-id',
        TEST_POOL,
        '--client-id',
        SECRET_CLIENT,
        '--client-secret-stdin',
        '--username',
        'alice',
        '--auth-flow',
        'USER_PASSWORD_AUTH',
        '--endpoint',
        app.emulator.endpoint,
      ],
      `${CLIENT_SECRET}\n`,
    );
    expect(add.code).toBe(0);
    expect((await ctm(['login', 'conf', '--password-stdin'], ALICE_PASSWORD)).code).toBe(0);
    expect(filesContaining(app.configDir, { secret: CLIENT_SECRET, password: ALICE_PASSWORD })).toEqual([]);
  });

  it.each([
    [['token', 'dev', '--bogus'], 2, /Unknown flag --bogus\. See: ctm token --help/],
    [['token', 'nope'], 2, /No profile named "nope"/],
    [
      ['profile', 'add', 'bad', '--region', 'us-east-1', '--user-pool-id', 'not-a-pool', '--client-id', 'x'],
      2,
      /user pool id/,
    ],
    [['frobnicate'], 2, /Unknown command "frobnicate"/],
  ])('exits with the documented code for bad usage: %j', async (args, code, message) => {
    const run = await ctm(args);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 6 for a refused password (without echoing it) and 3 with a sign-in hint for a signed-out profile', async () => {
    const wrong = await ctm(['login', 'dev', '--password-stdin'], 'wrong-password\n');
    expect(wrong.code).toBe(6);
    expect(wrong.stderr).toMatch(/Incorrect username or password/);
    expect(wrong.stderr).not.toContain('wrong-password');
    expect((await ctm(['logout', 'dev'])).code).toBe(0);
    const token = await ctm(['token', 'dev']);
    expect(token.code).toBe(3);
    expect(token.stderr).toMatch(/ctm login dev/);
  });

  it('exits 4 when the endpoint cannot be reached', async () => {
    await ctm([
      'profile',
      'add',
      'down',
      '--user-pool-id',
      TEST_POOL,
      '--client-id',
      PUBLIC_CLIENT,
      '--username',
      'alice',
      '--auth-flow',
      'USER_PASSWORD_AUTH',
      '--endpoint',
      'http://127.0.0.1:9/',
    ]);
    const run = await ctm(['login', 'down', '--password-stdin'], ALICE_PASSWORD);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/Could not reach http:\/\/127\.0\.0\.1:9\//);
  });

  it('removes a profile', async () => {
    expect((await ctm(['profile', 'remove', 'down'])).code).toBe(0);
    expect((await ctm(['profile', 'list', '--json'])).stdout).not.toContain('"down"');
  });
});
