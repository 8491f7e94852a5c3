import { idOf } from '../../support/profile-ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { BOB_PASSWORD, refreshProfile, refreshSeed, SHORT_CLIENT } from './refresh-test-kit.ts';

const TWO_HOURS = 2 * 3600_000;

// This machine's clock two hours fast, staged the other way round: the emulator's clock set two hours back
// (its tokens' iat/exp then lie two hours behind our clock, as a correct server's do for a fast laptop).
describe.skipIf(!HAS_KEYRING)(
  'a local clock two hours fast (emulator clock offset, real keyring, ctm child processes)',
  () => {
    let app: AppFixture;
    const refreshes = () =>
      app.emulator.requests.filter(
        (r) => r.operation === 'GetTokensFromRefreshToken' || r.body.AuthFlow === 'REFRESH_TOKEN_AUTH',
      ).length;
    beforeAll(async () => {
      app = await startAppFixture(refreshSeed(3600));
      app.emulator.advanceClock(-TWO_HOURS);
      await app.core.addProfile(refreshProfile('skewed', SHORT_CLIENT, app.emulator.endpoint));
      await app.core.signIn(await idOf(app.core, 'skewed'), { password: BOB_PASSWORD });
    });
    afterAll(async () => app?.close());

    it('keeps the offset with the session and judges expiry in server time: the fresh session is signed in, not expired', async () => {
      const session = await app.core.tokens(await idOf(app.core, 'skewed'));
      expect(session.clockOffsetMs).toBeLessThan(-TWO_HOURS + 10_000);
      expect(session.expiresAt - Date.now()).toBeGreaterThan(3500_000);
      expect((await app.core.statuses()).find((s) => s.profile.name === 'skewed')?.state).toBe('fresh');
    });

    it('three `ctm token` calls serve the stored token: no refresh at all', async () => {
      const before = refreshes();
      const tokens = [];
      for (let i = 0; i < 3; i++) tokens.push((await runCtm(['token', 'skewed'], app.env)).stdout);
      expect(new Set(tokens).size).toBe(1);
      expect(refreshes()).toBe(before);
    });

    it('a refreshed session keeps the offset too, and asking for more time than is left (within the lifetime) still refreshes', async () => {
      const before = refreshes();
      const json = JSON.parse(
        (await runCtm(['token', 'skewed', '--min-ttl', '3599.999', '--format', 'json'], app.env)).stdout,
      ) as { expiresAt: string };
      expect(refreshes()).toBe(before + 1);
      expect(Date.parse(json.expiresAt) - Date.now()).toBeGreaterThan(3500_000);
    });
  },
);
