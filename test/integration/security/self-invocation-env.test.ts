import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { CTM, runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

// The built ctm, the emulator and the real keyring: an agent started from inside `ctm exec` lives on for days.
describe.skipIf(!HAS_KEYRING)(
  'self-invocations start without the tokens of a surrounding ctm exec (built ctm, emulator, real keyring)',
  () => {
    let app: AppFixture;
    const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);

    beforeAll(async () => {
      app = await startAppFixture(skeletonSeed(3600));
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
    });
    afterAll(async () => {
      await ctm(['agent', 'stop']);
      await app?.close();
    });

    it("ctm agent start inside ctm exec: the agent's environment holds no CTM_ACCESS_TOKEN, CTM_ID_TOKEN or CTM_AUTHORIZATION", async () => {
      const started = await ctm(['exec', 'dev', '--', process.execPath, CTM, 'agent', 'start']);
      expect(started.code).toBe(0);
      const pid = Number(/Agent started \(pid (\d+)\)/.exec(started.stderr)?.[1]);
      expect(pid).toBeGreaterThan(0);
      const names = readFileSync(`/proc/${pid}/environ`, 'utf8')
        .split('\0')
        .map((entry) => entry.split('=')[0]);
      expect(names).toContain('CTM_CONFIG_DIR');
      for (const name of ['CTM_ACCESS_TOKEN', 'CTM_ID_TOKEN', 'CTM_AUTHORIZATION']) expect(names).not.toContain(name);
      const token = (await ctm(['token', 'dev'])).stdout.trim();
      expect(readFileSync(`/proc/${pid}/environ`, 'utf8')).not.toContain(token);
    });
  },
);
