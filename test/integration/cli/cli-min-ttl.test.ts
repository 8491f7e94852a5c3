import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

const WARNING =
  "ctm: warning: --min-ttl 7200 s is at least as long as dev's tokens live (3600 s): no renewal can give that, so the token is renewed only when about to expire.\n";

describe.skipIf(!HAS_KEYRING)(
  '--min-ttl longer than the token lives, against the emulator and the real keyring',
  () => {
    let app: AppFixture;
    let access = '';
    const ctm = (args: string[], env: Record<string, string> = {}) => runCtm(args, { ...app.env, ...env });
    beforeAll(async () => {
      app = await startAppFixture(skeletonSeed(3600));
      const profile = ['--user-pool-id', TEST_POOL, '--client-id', PUBLIC_CLIENT, '--username', 'alice'];
      await ctm(['profile', 'add', 'dev', ...profile, '--auth-flow', 'USER_PASSWORD_AUTH']);
      await ctm(['profile', 'edit', 'dev', '--endpoint', app.emulator.endpoint]);
      expect((await runCtm(['login', 'dev', '--password-stdin'], app.env, ALICE_PASSWORD)).code).toBe(0);
      access = (await ctm(['token', 'dev'])).stdout.trim();
    });
    afterAll(async () => app?.close());

    it('ctm token warns in one line and serves the same token, with no Cognito call (cached path)', async () => {
      const requests = app.emulator.requests.length;
      const run = await ctm(['token', 'dev', '--min-ttl', '7200']);
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toBe(access);
      expect(run.stderr).toBe(WARNING);
      expect(app.emulator.requests.length).toBe(requests);
    });

    it('the full path (ctm exec) does the same', async () => {
      const requests = app.emulator.requests.length;
      const run = await ctm(['exec', 'dev', '--min-ttl', '7200', '--', 'sh', '-c', 'printf %s "$CTM_ACCESS_TOKEN"']);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(access);
      expect(run.stderr).toBe(WARNING);
      expect(app.emulator.requests.length).toBe(requests);
    });

    it('a --min-ttl the lifetime can meet still renews, without a warning', async () => {
      const requests = app.emulator.requests.length;
      // 1 ms short of the lifetime: no token minted before now (iat is whole seconds, rounded down) stays valid that long.
      const run = await ctm(['token', 'dev', '--min-ttl', '3599.999']);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(app.emulator.requests.length).toBeGreaterThan(requests);
    });
  },
);
