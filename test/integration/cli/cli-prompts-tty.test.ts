import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { CTM, runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING, hasCommand, systemComponent } from '../../support/system-components.ts';

const HAS_SCRIPT = systemComponent('script (util-linux)', hasCommand('script'), 'apt-get install bsdutils');

/** Runs ctm on a real pseudo-terminal (util-linux `script`), typing `keys` once `prompt` shows; resolves with its exit code and screen. */
function onPty(
  args: string[],
  env: Record<string, string>,
  prompt: string,
  keys: string,
): Promise<{ code: number | null; screen: string }> {
  const command = [process.execPath, CTM, ...args].map((a) => `'${a}'`).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    env: { PATH: process.env.PATH ?? '', SHELL: '/bin/sh', TERM: 'dumb', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  let typed = false;
  child.stdout.on('data', (d: Buffer) => {
    screen += d.toString();
    if (!typed && screen.includes(prompt)) {
      typed = true;
      // The prompt is printed just before readline switches the terminal to raw mode: type once that has happened.
      setTimeout(() => child.stdin.write(keys), 300);
    }
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, screen })));
}

describe.skipIf(!HAS_KEYRING || !HAS_SCRIPT)(
  'ctm prompts on a real terminal (a pseudo-terminal from util-linux script)',
  () => {
    let app: AppFixture;
    beforeAll(async () => {
      app = await startAppFixture(skeletonSeed());
      await runCtm(
        [
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
        ],
        app.env,
      );
    });
    afterAll(async () => app?.close());

    it('Ctrl-C at the password prompt exits 130, echoes nothing typed, and stores nothing', async () => {
      const before = readFileSync(join(app.configDir, 'profiles.json'), 'utf8');
      const requests = app.emulator.requests.length;
      const run = await onPty(['login', 'dev'], app.env, 'Password: ', 'secret-typed\x03');
      expect(run.code).toBe(130);
      expect(run.screen).not.toContain('secret-typed');
      expect(run.screen).not.toMatch(/ctm: |Signed in/);
      expect(app.emulator.requests.length).toBe(requests);
      expect(readFileSync(join(app.configDir, 'profiles.json'), 'utf8')).toBe(before);
      expect(JSON.parse((await runCtm(['status', '--json'], app.env)).stdout)).toMatchObject([
        { name: 'dev', state: 'signed-out' },
      ]);
    });

    it('shows a feedback line on a terminal while Cognito is slow, and erases it; a pipe gets none', async () => {
      expect((await runCtm(['login', 'dev', '--password-stdin'], app.env, ALICE_PASSWORD)).code).toBe(0);
      app.emulator.faults.latency('*', 1500);
      try {
        const run = await onPty(['token', 'dev', '--min-ttl', '3599.999'], app.env, '', '');
        expect(run.code).toBe(0);
        expect(run.screen).toContain('Getting a token for dev…\r\r\u001b[K');
        const piped = await runCtm(['token', 'dev', '--min-ttl', '3599.999'], app.env);
        expect(piped).toMatchObject({ code: 0, stderr: '' });
      } finally {
        app.emulator.faults.clear();
      }
    });
  },
);
