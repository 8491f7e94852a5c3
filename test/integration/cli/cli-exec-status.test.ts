import { profileRef } from '../../../main/core/profiles/profile-id.ts';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwtClaims } from '../../../main/core/tokens/jwt.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { CTM, runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING, hasCommand } from '../../support/system-components.ts';

interface StatusLine {
  name: string;
  state: string;
  expiresAt: string | null;
  secondsLeft: number | null;
}

describe.skipIf(!HAS_KEYRING)('ctm exec and ctm status, against the emulator and the real keyring', () => {
  let app: AppFixture;
  const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);
  beforeAll(async () => {
    app = await startAppFixture(skeletonSeed());
    const profile = [
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
    ];
    await ctm(['profile', 'add', 'dev', ...profile]);
    await ctm(['profile', 'add', 'idle', ...profile]);
    await ctm(['login', 'dev', '--password-stdin'], ALICE_PASSWORD);
  });
  afterAll(async () => app?.close());

  it('runs a command with the tokens in its environment, and nothing on its command line', async () => {
    const script = 'printf "%s|%s|%s|%s" "$CTM_PROFILE" "$CTM_ACCESS_TOKEN" "$CTM_ID_TOKEN" "$CTM_AUTHORIZATION"';
    const run = await ctm(['exec', 'dev', '--type', 'id', '--', 'sh', '-c', script]);
    expect(run.code).toBe(0);
    const [profile, access, id, authorization] = run.stdout.split('|');
    expect(profile).toBe('dev');
    expect(decodeJwtClaims(access ?? '')).toMatchObject({ token_use: 'access' });
    expect(decodeJwtClaims(id ?? '')).toMatchObject({ token_use: 'id' });
    expect(authorization).toBe(`Bearer ${id}`);
    expect(access).toBe((await ctm(['token', 'dev'])).stdout.trim());
  });

  it('serves a still-valid token from the keychain, without a network call, for token, exec and status', async () => {
    const requests = app.emulator.requests.length;
    expect((await ctm(['token', 'dev'])).code).toBe(0);
    expect((await ctm(['exec', 'dev', '--', 'true'])).code).toBe(0);
    expect((await ctm(['status'])).code).toBe(0);
    expect(app.emulator.requests.length).toBe(requests);
  });

  it("passes the command's exit code through, and 127 for a command that does not exist", async () => {
    expect((await ctm(['exec', 'dev', '--', 'sh', '-c', 'exit 7'])).code).toBe(7);
    const missing = await ctm(['exec', 'dev', '--', 'no-such-command-ctm']);
    expect(missing.code).toBe(127);
    expect(missing.stderr).toBe('ctm: command not found: no-such-command-ctm\n');
  });

  it('forwards a signal to the command and exits as it does', async () => {
    const child = spawn(
      process.execPath,
      [CTM, 'exec', 'dev', '--', 'sh', '-c', 'trap "exit 42" TERM; echo ready; while :; do sleep 0.05; done'],
      { env: { PATH: process.env.PATH ?? '', ...app.env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
    await Promise.race([once(child.stdout, 'data'), exited]);
    child.kill('SIGTERM');
    const [code, signal] = await exited;
    expect({ code, signal, stderr }).toEqual({ code: 42, signal: null, stderr: '' });
  });

  it('prints exports that bash and fish really load, and --json like --format json', async () => {
    const token = (await ctm(['token', 'dev'])).stdout.trim();
    const posix = (await ctm(['token', 'dev', '--format', 'env'])).stdout;
    expect(spawnSync('sh', ['-c', `${posix}\nprintf %s "$CTM_ACCESS_TOKEN"`], { encoding: 'utf8' }).stdout).toBe(token);
    const fish = (await ctm(['token', 'dev', '--format', 'fish'])).stdout;
    if (hasCommand('fish'))
      expect(
        spawnSync('fish', ['--no-config', '-c', `${fish}\nprintf %s $CTM_ACCESS_TOKEN`], { encoding: 'utf8' }).stdout,
      ).toBe(token);
    expect((await ctm(['token', 'dev', '--format', 'powershell'])).stdout).toBe(`$env:CTM_ACCESS_TOKEN = '${token}'\n`);
    expect((await ctm(['token', 'dev', '--json'])).stdout).toBe(
      (await ctm(['token', 'dev', '--format', 'json'])).stdout,
    );
    expect(JSON.parse((await ctm(['token', 'dev', '--json'])).stdout)).toMatchObject({
      profile: 'dev',
      type: 'access',
      token,
    });
  });

  it('refuses a signed-out profile with exit code 3', async () => {
    const signedOut = await ctm(['exec', 'idle', '--', 'true']);
    expect(signedOut.code).toBe(3);
    expect(signedOut.stderr).toMatch(/ctm login idle/);
  });

  it('starts $SHELL with the variables when no command is given, and exits as the shell does', async () => {
    const shell = await runCtm(
      ['exec', 'dev'],
      { ...app.env, SHELL: '/bin/sh' },
      'printf "%s|%s" "$CTM_EXEC" "$CTM_PROFILE"; exit 5\n',
    );
    expect(shell.code).toBe(5);
    expect(shell.stdout).toBe('dev|dev');
    expect(shell.stderr).toBe('ctm: starting /bin/sh with dev\'s tokens; "exit" leaves it.\n');
  });

  it("puts the access token's expiry in CTM_ACCESS_TOKEN_EXPIRES_AT as ISO 8601", async () => {
    const run = await ctm([
      'exec',
      'dev',
      '--',
      'sh',
      '-c',
      'printf "%s|%s" "$CTM_ACCESS_TOKEN_EXPIRES_AT" "$CTM_ACCESS_TOKEN"',
    ]);
    const [expiresAt, access] = run.stdout.split('|');
    expect(expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(expiresAt ?? '')).toBe(Number(decodeJwtClaims(access ?? '')?.exp) * 1000);
  });

  it('refuses a nested ctm exec unless --allow-nested is given', async () => {
    const nested = await ctm(['exec', 'dev', '--', process.execPath, CTM, 'exec', 'dev', '--', 'true']);
    expect(nested.code).toBe(2);
    expect(nested.stderr).toMatch(/Already inside "ctm exec" for profile "dev".*--allow-nested/);
    const allowed = await ctm([
      'exec',
      'dev',
      '--',
      process.execPath,
      CTM,
      'exec',
      'dev',
      '--allow-nested',
      '--',
      'sh',
      '-c',
      'printf %s "$CTM_EXEC"',
    ]);
    expect(allowed).toMatchObject({ code: 0, stdout: 'dev' });
  });

  it("uses CTM_PROFILE, then the app's default profile, when token or exec gets no name", async () => {
    const named = (await ctm(['token', 'dev'])).stdout;
    expect(await runCtm(['token'], { ...app.env, CTM_PROFILE: 'dev' })).toMatchObject({ code: 0, stdout: named });
    const none = await ctm(['token']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /Missing profile name: give one \([^)]*\bdev\b[^)]*\), set CTM_PROFILE, or choose a default profile: ctm profile default \w/,
    );
    const dev = await app.core.resolveProfile(profileRef('dev'));
    writeFileSync(
      join(app.configDir, 'settings.json'),
      JSON.stringify({ version: 1, settings: { defaultProfileId: dev.id } }),
    );
    try {
      expect(await ctm(['token'])).toMatchObject({ code: 0, stdout: named });
      expect(await ctm(['exec', '--', 'sh', '-c', 'printf %s "$CTM_PROFILE"'])).toMatchObject({
        code: 0,
        stdout: 'dev',
      });
      expect((await runCtm(['token'], { ...app.env, CTM_PROFILE: 'idle' })).code).toBe(3); // CTM_PROFILE comes first
    } finally {
      rmSync(join(app.configDir, 'settings.json'));
    }
  });

  it('shows every profile with its state and time left, as a table and as JSON', async () => {
    const table = await ctm(['status']);
    expect(table.stdout).toMatch(/^NAME\s+STATE\s+ACCESS TOKEN/);
    expect(table.stdout).toMatch(/\ndev\s+fresh\s+(\d+ min \d+ s|1 h 0 min) left\s+alice/);
    expect(table.stdout).toMatch(/\nidle\s+signed-out\s+-\s+alice/);
    // The environment column: the one a profile carries, or the one its name suggests ("dev").
    expect(table.stdout).toMatch(/\ndev\s+fresh\s+.* left\s+alice\s+dev\b/);
    const json = JSON.parse((await ctm(['status', '--json'])).stdout) as StatusLine[];
    expect(json.map((s) => [s.name, s.state])).toEqual([
      ['dev', 'fresh'],
      ['idle', 'signed-out'],
    ]);
    expect(json[0]?.secondsLeft).toBeGreaterThan(3000);
    expect(Date.parse(json[0]?.expiresAt ?? '')).toBeGreaterThan(Date.now());
    expect(json[1]).toMatchObject({ expiresAt: null, secondsLeft: null, environment: null });
    expect(json[0]).toMatchObject({ environment: 'dev' });
  });
});
