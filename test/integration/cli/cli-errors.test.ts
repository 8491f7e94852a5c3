import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { runCtm, type CtmRun } from '../../support/run-ctm.ts';
import {
  ALICE_PASSWORD,
  CLIENT_SECRET,
  PUBLIC_CLIENT,
  SECRET_CLIENT,
  skeletonSeed,
  TEST_POOL,
} from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

/** One line on stderr, nothing on stdout, no stack trace, no secret. */
function expectOneCleanLine(run: CtmRun, secrets: string[] = []): void {
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^ctm: [^\n]+\n$/);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+|Error:|node:internal/);
  for (const secret of secrets) expect(run.stderr).not.toContain(secret);
}

describe.skipIf(!HAS_KEYRING)('ctm errors at the terminal: one line on stderr and the documented exit code', () => {
  let app: AppFixture;
  const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);
  beforeAll(async () => {
    app = await startAppFixture(skeletonSeed());
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
    await ctm(
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
      CLIENT_SECRET,
    );
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
  });
  afterAll(async () => app?.close());

  it.each([
    [
      'an unknown flag, with the nearest one',
      ['token', 'dev', '--formt', 'json'],
      /^ctm: Unknown flag --formt\. Did you mean --format\? See: ctm token --help$/m,
    ],
    [
      'a flag without its value',
      ['token', 'dev', '--type'],
      /^ctm: --type needs a value \(access\|id\)\. See: ctm token --help$/m,
    ],
    [
      'a bad flag value',
      ['token', 'dev', '--format', 'xml'],
      /--format takes raw, header, env, powershell, fish, json, curl \(got "xml"\)/,
    ],
    [
      'a bad --min-ttl',
      ['exec', 'dev', '--min-ttl', 'soon', '--', 'true'],
      /--min-ttl takes a number of seconds, 0 or more \(got "soon"\)/,
    ],
    [
      'a negative --min-ttl (Node called it ambiguous)',
      ['token', 'dev', '--min-ttl', '-5'],
      /--min-ttl takes a number of seconds, 0 or more \(got "-5"\)/,
    ],
    [
      'an unknown command, with the nearest one',
      ['tokne'],
      /^ctm: Unknown command "tokne"\. Did you mean "ctm token"\? See: ctm --help$/m,
    ],
    [
      'an unknown profile command',
      ['profile', 'ad'],
      /Unknown command "profile ad"\. Did you mean "ctm profile add"\?/,
    ],
    [
      'a missing profile name, naming the profiles there are (no literal NAME to copy)',
      ['token'],
      /^ctm: Missing profile name: give one \(dev, conf, down\), set CTM_PROFILE, or choose a default profile: ctm profile default dev$/m,
    ],
    [
      'missing required flags',
      ['profile', 'add', 'bad', '--region', 'us-east-1'],
      /Missing --user-pool-id and --client-id/,
    ],
    ['an unknown profile', ['token', 'nope'], /No profile named "nope"/],
    ['an unknown profile to edit', ['profile', 'edit', 'nope', '--username', 'x'], /No profile named "nope"/],
    [
      'a malformed user pool id',
      ['profile', 'add', 'bad', '--region', 'us-east-1', '--user-pool-id', 'not-a-pool', '--client-id', 'x'],
      // Said once (its pattern and the AWS shape both fail).
      /^ctm: Invalid profile: user pool id: expected <region>_<id>, such as us-east-1_AbCdEf123 \(other shapes need a custom --endpoint\)$/m,
    ],
    [
      'a malformed user pool id without --region (whose default, its prefix, is not blamed too)',
      ['profile', 'add', 'bad', '--user-pool-id', 'bad', '--client-id', 'x'],
      /^ctm: Invalid profile: user pool id: expected <region>_<id>, such as us-east-1_AbCdEf123 \(other shapes need a custom --endpoint\)$/m,
    ],
    [
      'an empty --password-stdin (a script that piped nothing)',
      ['login', 'dev', '--password-stdin'],
      /^ctm: --password-stdin read an empty first line: pipe the password to it, such as printf '%s\\n' "\$PASSWORD" \| ctm login dev --password-stdin$/m,
    ],
    [
      'a pool id whose region has no user pools',
      ['profile', 'add', 'bad', '--region', 'eu-west-1', '--user-pool-id', 'xx-east-1_Abc', '--client-id', 'x'],
      /user pool id: xx-east-1_Abc names region xx-east-1, which has no Cognito user pools; check the pool id/,
    ],
    [
      'a malformed profile name',
      ['profile', 'add', 'bad name!', '--user-pool-id', TEST_POOL, '--client-id', 'x'],
      /name: use 1 to 64 letters/,
    ],
    [
      'a malformed client id',
      ['profile', 'add', 'bad', '--user-pool-id', TEST_POOL, '--client-id', 'no spaces allowed'],
      /client id: expected/,
    ],
    [
      'an emulator-style pool id without a custom endpoint',
      ['profile', 'add', 'bad', '--region', 'us-east-1', '--user-pool-id', 'local_abc123', '--client-id', 'x'],
      /other shapes need a custom --endpoint/,
    ],
    [
      '--fips where Cognito has no FIPS endpoint',
      ['profile', 'add', 'bad', '--user-pool-id', 'eu-west-1_Abc', '--client-id', 'x', '--fips'],
      /FIPS endpoints only in us-east-1/,
    ],
    ['a malformed endpoint', ['profile', 'edit', 'dev', '--endpoint', 'ftp://x'], /endpoint: expected an http/],
    [
      'a malformed --client-metadata',
      ['profile', 'edit', 'dev', '--client-metadata', 'novalue'],
      /--client-metadata expects KEY=VALUE/,
    ],
    [
      'a file that cannot be imported',
      ['profile', 'import', '/nonexistent/amplify_outputs.json'],
      /No file \/nonexistent\/amplify_outputs\.json/,
    ],
    [
      'a duplicate name',
      ['profile', 'add', 'dev', '--user-pool-id', TEST_POOL, '--client-id', 'x'],
      /A profile named "dev" already exists/,
    ],
  ])('exits 2 for %s', async (_what, args, message) => {
    const run = await ctm(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expectOneCleanLine(run);
  });

  it('exits 2 for a file ctm cannot import, saying what it expected', async () => {
    const run = await ctm(['profile', 'import', '-'], '{"name": "some-package"}');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not a file ctm can import; expected amplify_outputs\.json/);
    expectOneCleanLine(run);
  });

  it('exits 3 with the sign-in command for a signed-out profile', async () => {
    const run = await ctm(['token', 'dev']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/Run: ctm login dev/);
    expectOneCleanLine(run);
  });

  it('exits 6 (sign-in refused, not 4) for a password Cognito refuses, never echoing the password or the client secret', async () => {
    const wrong = await ctm(['login', 'conf', '--password-stdin'], 'Wrong-Password-9\n');
    expect(wrong.code).toBe(6);
    expectOneCleanLine(wrong, ['Wrong-Password-9', CLIENT_SECRET]);
  });

  it('exits 4 when the endpoint cannot be reached', async () => {
    const run = await ctm(['login', 'down', '--password-stdin'], ALICE_PASSWORD);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/Could not reach http:\/\/127\.0\.0\.1:9\//);
    expectOneCleanLine(run, [ALICE_PASSWORD]);
  });

  it('exits 1 with what to do when no keyring answers (D-Bus pointing nowhere)', async () => {
    const env = {
      ...app.env,
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(mkdtempSync(join(tmpdir(), 'ctm-nobus-')), 'no-bus')}`,
    };
    for (const args of [
      ['status'],
      ['token', 'dev'],
      ['profile', 'add', 'x', '--user-pool-id', TEST_POOL, '--client-id', SECRET_CLIENT, '--client-secret-stdin'],
    ]) {
      const run = await runCtm(args, env, CLIENT_SECRET);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(/Secret Service|keychain/);
      expectOneCleanLine(run, [CLIENT_SECRET]);
    }
    expect((await ctm(['profile', 'list', '--json'])).stdout).not.toContain('"x"');
  });
});
