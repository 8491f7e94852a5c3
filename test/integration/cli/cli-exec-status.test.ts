import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwtClaims } from '../../../main/core/tokens/jwt.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { CTM, runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

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
    const profile = ['--user-pool-id', TEST_POOL, '--client-id', PUBLIC_CLIENT, '--username', 'alice', '--auth-flow', 'USER_PASSWORD_AUTH', '--endpoint', app.emulator.endpoint];
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
    const child = spawn(process.execPath, [CTM, 'exec', 'dev', '--', 'sh', '-c', 'trap "exit 42" TERM; echo ready; while :; do sleep 0.05; done'], { env: { PATH: process.env.PATH ?? '', ...app.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
    await Promise.race([once(child.stdout, 'data'), exited]);
    child.kill('SIGTERM');
    const [code, signal] = await exited;
    expect({ code, signal, stderr }).toEqual({ code: 42, signal: null, stderr: '' });
  });

  it('refuses exec without a command, and a signed-out profile with exit code 3', async () => {
    const noCommand = await ctm(['exec', 'dev']);
    expect(noCommand.code).toBe(2);
    expect(noCommand.stderr).toMatch(/Missing the command to run after "--"/);
    const signedOut = await ctm(['exec', 'idle', '--', 'true']);
    expect(signedOut.code).toBe(3);
    expect(signedOut.stderr).toMatch(/ctm login idle/);
  });

  it('shows every profile with its state and time left, as a table and as JSON', async () => {
    const table = await ctm(['status']);
    expect(table.stdout).toMatch(/^NAME\s+STATE\s+ACCESS TOKEN/);
    expect(table.stdout).toMatch(/\ndev\s+signed-in\s+\d+m \d\ds left\s+alice/);
    expect(table.stdout).toMatch(/\nidle\s+signed-out\s+-\s+alice/);
    const json = JSON.parse((await ctm(['status', '--json'])).stdout) as StatusLine[];
    expect(json.map((s) => [s.name, s.state])).toEqual([['dev', 'signed-in'], ['idle', 'signed-out']]);
    expect(json[0]?.secondsLeft).toBeGreaterThan(3000);
    expect(Date.parse(json[0]?.expiresAt ?? '')).toBeGreaterThan(Date.now());
    expect(json[1]).toMatchObject({ expiresAt: null, secondsLeft: null });
  });
});
