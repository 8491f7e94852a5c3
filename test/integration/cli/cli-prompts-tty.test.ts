import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { HAS_SCRIPT, onPty } from '../../support/on-pty.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

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
