import type { ProfileId } from '../../../main/core/profiles/profile-id.ts';
import { idOf } from '../../support/profile-ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Renewals } from '../../../main/core/core.ts';
import type { RefreshChange } from '../../../main/core/scheduler/scheduler-events.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import {
  BOB_PASSWORD,
  nextChange,
  refreshProfile,
  refreshSeed,
  ROTATING_CLIENT,
  SHORT_CLIENT,
} from './refresh-test-kit.ts';

describe.skipIf(!HAS_KEYRING)(
  'the refresh scheduler in real time, against the emulator (4-second tokens) and the real keyring',
  () => {
    let app: AppFixture;
    let scheduler: Renewals;
    const ids: Record<string, ProfileId> = {};
    const changes: RefreshChange[] = [];

    beforeAll(async () => {
      app = await startAppFixture(refreshSeed(4), { core: { scheduling: { backoff: { baseMs: 100, maxMs: 800 } } } });
      // 'short' forces REFRESH_TOKEN_AUTH so the InitiateAuth faults below hit it alone, not the rotating profile.
      ids.short = (
        await app.core.addProfile(
          refreshProfile('short', SHORT_CLIENT, app.emulator.endpoint, { refreshMethod: 'REFRESH_TOKEN_AUTH' }),
        )
      ).id;
      ids.rotating = (
        await app.core.addProfile(
          refreshProfile('rotating', ROTATING_CLIENT, app.emulator.endpoint, {
            refreshMethod: 'GetTokensFromRefreshToken',
          }),
        )
      ).id;
      ids.manual = (
        await app.core.addProfile(refreshProfile('manual', SHORT_CLIENT, app.emulator.endpoint, { autoRefresh: false }))
      ).id;
      for (const name of ['short', 'rotating', 'manual'])
        await app.core.signIn(await idOf(app.core, name), { password: BOB_PASSWORD });
      // Quick backoff so the fault tests take a second, not minutes.
      scheduler = app.core.scheduler;
      scheduler.onChange((change) => changes.push(change));
      await scheduler.start();
    });
    afterAll(async () => {
      scheduler?.stop();
      await app?.close();
    });

    const refreshesOf = (clientId: string) =>
      app.emulator.requests.filter(
        (r) =>
          r.body.ClientId === clientId &&
          (r.operation === 'GetTokensFromRefreshToken' || r.body.AuthFlow === 'REFRESH_TOKEN_AUTH'),
      );

    it('renews a token before it expires, on its own, and keeps the refresh token', async () => {
      const before = (await app.vault.session(ids.short!))!;
      const renewed = await nextChange(
        scheduler,
        ids.short!,
        (c) => c.state === 'fresh' && c.expiresAt! > before.expiresAt,
      );
      const after = (await app.vault.session(ids.short!))!;
      expect(after.accessToken).not.toBe(before.accessToken);
      expect(after.refreshToken).toBe(before.refreshToken);
      expect(renewed.nextRefreshAt).toBeLessThan(renewed.expiresAt!);
      expect(refreshesOf(SHORT_CLIENT)[0]!.at).toBeLessThan(before.expiresAt);
    });

    it('lets the tokens of a profile with autoRefresh off expire', async () => {
      const manual = (await app.vault.session(ids.manual!))!;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, manual.expiresAt - Date.now() + 200)));
      expect(scheduler.stateOf(ids.manual!)?.state).toBe('off');
      expect(
        app.emulator.requests.filter(
          (r) =>
            r.body.RefreshToken === manual.refreshToken ||
            (r.body.AuthParameters as Record<string, string> | undefined)?.REFRESH_TOKEN === manual.refreshToken,
        ),
      ).toEqual([]);
      expect(changes.filter((c) => c.profileId === ids.manual && c.state === 'renewing')).toEqual([]);
    });

    it('retries HTTP 500, 503, TooManyRequests, LimitExceeded and a reset connection with backoff, keeping the stored refresh token', async () => {
      const stored = (await app.vault.session(ids.short!))!.refreshToken;
      app.emulator.faults.fail('InitiateAuth', { status: 500, times: 1 });
      app.emulator.faults.fail('InitiateAuth', { status: 503, times: 1 });
      app.emulator.faults.throttle('InitiateAuth', { type: 'TooManyRequestsException', times: 1 });
      app.emulator.faults.throttle('InitiateAuth', { type: 'LimitExceededException', times: 1 });
      app.emulator.faults.resetConnection('InitiateAuth', { times: 1 });
      const seen: RefreshChange[] = [];
      const stop = scheduler.onChange((c) => c.profileId === ids.short && seen.push(c));
      await nextChange(scheduler, ids.short!, (c) => c.state === 'fresh' && seen.some((s) => s.state === 'retrying'));
      stop();
      const retries = seen.filter((c) => c.state === 'retrying');
      expect(retries.map((c) => c.attempt)).toEqual([1, 2, 3, 4, 5]);
      expect(retries.map((c) => c.message).join('\n')).toMatch(
        /InternalError[\s\S]*ServiceUnavailable[\s\S]*TooManyRequests[\s\S]*LimitExceeded[\s\S]*Could not reach/,
      );
      expect((await app.vault.session(ids.short!))!.refreshToken).toBe(stored);
    });

    it('renews after a reset connection that lost a rotated refresh token, within the grace period', async () => {
      app.emulator.faults.resetConnection('GetTokensFromRefreshToken', { times: 1 });
      const before = (await app.vault.session(ids.rotating!))!;
      await nextChange(scheduler, ids.rotating!, (c) => c.state === 'fresh' && c.expiresAt! > before.expiresAt);
      const after = (await app.vault.session(ids.rotating!))!;
      expect(after.refreshToken).not.toBe(before.refreshToken);
      expect(changes.some((c) => c.profileId === ids.rotating && c.state === 'retrying')).toBe(true);
    });

    it('waits out the service being down, then renews', async () => {
      const before = (await app.vault.session(ids.short!))!;
      app.emulator.faults.down(1_500);
      await nextChange(scheduler, ids.short!, (c) => c.state === 'fresh' && c.expiresAt! > before.expiresAt, 20_000);
      expect((await app.vault.session(ids.short!))!.refreshToken).toBe(before.refreshToken);
    });

    it('marks a profile sign-in required when its refresh token is revoked, and removes it from the keychain', async () => {
      app.emulator.revokeAllFor('bob');
      const change = await nextChange(scheduler, ids.short!, (c) => c.state === 'needs-sign-in');
      expect(change.message).toMatch(/revoked/);
      expect(await app.vault.session(ids.short!)).toBeUndefined();
      expect(scheduler.stateOf(ids.short!)?.nextRefreshAt).toBeUndefined();
    });
  },
);
