import type { ProfileId } from '../../../main/core/profiles/profile-id.ts';
import { idOf } from '../../support/profile-ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { BOB_PASSWORD, GRACE_SECONDS, refreshProfile, refreshSeed, ROTATING_CLIENT } from './refresh-test-kit.ts';

// `ctm token` is killed (SIGKILL, through the documented test-only hook CTM_TEST_CRASH_AT=refresh-received in
// main/core/crash-point.ts) after Cognito answered a refresh with a rotated refresh token and before it was stored.
describe.skipIf(!HAS_KEYRING)(
  'rotation crash-safety: ctm dies between receiving a rotated refresh token and storing it (emulator, real keyring)',
  () => {
    let app: AppFixture;
    let id: ProfileId;
    beforeAll(async () => {
      app = await startAppFixture(refreshSeed(3600));
      id = (
        await app.core.addProfile(
          refreshProfile('rot', ROTATING_CLIENT, app.emulator.endpoint, { refreshMethod: 'GetTokensFromRefreshToken' }),
        )
      ).id;
      await app.core.signIn(await idOf(app.core, 'rot'), { password: BOB_PASSWORD });
    });
    afterAll(async () => app?.close());

    const crashingToken = () =>
      runCtm(['token', 'rot', '--min-ttl', '3599.999'], { ...app.env, CTM_TEST_CRASH_AT: 'refresh-received' });
    const rotations = () => app.emulator.requests.filter((r) => r.operation === 'GetTokensFromRefreshToken');

    it('the crash loses the rotated token: the keychain still holds the old one', async () => {
      const before = (await app.vault.session(id))!.refreshToken;
      const run = await crashingToken();
      expect(run.code).toBeNull();
      expect(run.stdout).toBe('');
      expect(rotations().length).toBe(1);
      expect((await app.vault.session(id))!.refreshToken).toBe(before);
    });

    it('the next start signs in silently within the grace period, storing the new refresh token', async () => {
      const before = (await app.vault.session(id))!.refreshToken;
      const run = await runCtm(['token', 'rot', '--min-ttl', '3599.999'], app.env);
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toMatch(/^eyJ/);
      const after = (await app.vault.session(id))!.refreshToken;
      expect(after).not.toBe(before);
    });

    it('after the grace period it says clearly that a sign-in is needed (exit 3), and drops the dead token', async () => {
      await crashingToken();
      app.emulator.advanceClock((GRACE_SECONDS + 1) * 1000);
      const run = await runCtm(['token', 'rot', '--min-ttl', '3599.999'], app.env);
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/Profile "rot" needs a sign-in: .*rotated.*Run: ctm login rot/);
      expect(await app.vault.session(id)).toBeUndefined();
    });

    it('the hook is inert without the variable: an ordinary ctm token renews and stores', async () => {
      await app.core.signIn(await idOf(app.core, 'rot'), { password: BOB_PASSWORD });
      const before = (await app.vault.session(id))!.refreshToken;
      const run = await runCtm(['token', 'rot', '--min-ttl', '3599.999'], app.env);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect((await app.vault.session(id))!.refreshToken).not.toBe(before);
    });
  },
);
