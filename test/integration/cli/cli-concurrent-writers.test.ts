import { idOf } from '../../support/profile-ids.ts';
import { profileRef } from '../../../main/core/profiles/profile-id.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

const WRITERS = 8;

describe.skipIf(!HAS_KEYRING)(
  'ctm processes and the app (its Core in this process) writing profiles at once lose no update',
  () => {
    let app: AppFixture;
    const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);
    const fields = () => [
      '--user-pool-id',
      TEST_POOL,
      '--client-id',
      PUBLIC_CLIENT,
      '--auth-flow',
      'USER_PASSWORD_AUTH',
      '--endpoint',
      app.emulator.endpoint,
    ];
    beforeAll(async () => {
      app = await startAppFixture(skeletonSeed());
    });
    afterAll(async () => app?.close());

    it('keeps every profile added by racing ctm processes and the app', async () => {
      const fromCli = Array.from({ length: WRITERS }, (_, i) => ctm(['profile', 'add', `cli-${i}`, ...fields()]));
      const fromApp = Array.from({ length: 3 }, (_, i) =>
        app.core.addProfile({
          name: `app-${i}`,
          region: 'us-east-1',
          userPoolId: TEST_POOL,
          clientId: PUBLIC_CLIENT,
          endpoint: app.emulator.endpoint,
        }),
      );
      const [runs] = await Promise.all([Promise.all(fromCli), Promise.all(fromApp)]);
      expect(runs.map((r) => r.code)).toEqual(Array(WRITERS).fill(0));
      const names = (await app.core.listProfiles()).map((p) => p.name).sort();
      expect(names).toEqual(
        [
          ...Array.from({ length: 3 }, (_, i) => `app-${i}`),
          ...Array.from({ length: WRITERS }, (_, i) => `cli-${i}`),
        ].sort(),
      );
    });

    it('keeps each of several edits of one profile made at once, by ctm and by the app', async () => {
      const edits = [
        ctm(['profile', 'edit', 'cli-0', '--username', 'alice']),
        ctm(['profile', 'edit', 'cli-0', '--client-metadata', 'tenant=acme']),
        ctm(['profile', 'edit', 'cli-0', '--analytics-endpoint-id', 'pinpoint-1']),
        ctm(['profile', 'edit', 'cli-0', '--no-auto-refresh']),
      ];
      const inApp = app.core.updateProfile(await idOf(app.core, 'cli-0'), { userContextData: 'encoded' });
      const [runs] = await Promise.all([Promise.all(edits), inApp]);
      expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);
      expect(await app.core.resolveProfile(profileRef('cli-0'))).toMatchObject({
        username: 'alice',
        clientMetadata: { tenant: 'acme' },
        analyticsEndpointId: 'pinpoint-1',
        autoRefresh: false,
        userContextData: 'encoded',
      });
    });

    it("shares sessions through the keychain: a ctm sign-in is the app's, and the app's sign-out is ctm's", async () => {
      expect((await ctm(['login', 'cli-0', '--password-stdin'], ALICE_PASSWORD)).code).toBe(0);
      const profile = await app.core.resolveProfile(profileRef('cli-0'));
      expect((await app.core.tokens(profile.id)).accessToken).toBe((await ctm(['token', 'cli-0'])).stdout.trim());
      await app.core.signOut(profile.id);
      expect((await ctm(['token', 'cli-0'])).code).toBe(3);
    });
  },
);
