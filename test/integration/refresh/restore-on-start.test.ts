import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../main/core/core.ts';
import { KeytarSecretStore } from '../../../main/core/keychain/keytar-secret-store.ts';
import type { SecretStore } from '../../../main/core/keychain/secret-store.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { BOB_PASSWORD, nextChange, refreshProfile, refreshSeed, SHORT_CLIENT } from './refresh-test-kit.ts';

/** The real keyring, counting the calls made through it. */
class CountingStore implements SecretStore {
  readonly counts = { get: 0, set: 0, delete: 0, all: 0 };
  private readonly inner = new KeytarSecretStore();
  get(account: string) {
    this.counts.get++;
    return this.inner.get(account);
  }
  set(account: string, secret: string) {
    this.counts.set++;
    return this.inner.set(account, secret);
  }
  delete(account: string) {
    this.counts.delete++;
    return this.inner.delete(account);
  }
  all() {
    this.counts.all++;
    return this.inner.all();
  }
}

describe.skipIf(!HAS_KEYRING)(
  'restore on start: every profile from the config, the encrypted cache and ONE keychain read, then renew what is due (emulator, real keyring)',
  () => {
    let app: AppFixture;
    beforeAll(async () => {
      app = await startAppFixture(refreshSeed(3600));
      // Sessions stored as if signed in two hours ago: their hour-long tokens are expired when the app starts. (The expiry
      // is now taken from ExpiresIn on the local clock, so moving the emulator's clock no longer ages them.)
      for (const [name, autoRefresh] of [
        ['a', true],
        ['b', true],
        ['c', true],
        ['manual', false],
      ] as const) {
        const { id } = await app.core.addProfile(
          refreshProfile(name, SHORT_CLIENT, app.emulator.endpoint, { autoRefresh }),
        );
        await app.core.signIn(id, { password: BOB_PASSWORD });
        const session = (await app.vault.session(id))!;
        await app.vault.saveSession(id, {
          ...session,
          issuedAt: Date.now() - 2 * 3_600_000,
          expiresAt: Date.now() - 3_600_000,
        });
      }
      await app.core.addProfile(refreshProfile('never-signed-in', SHORT_CLIENT, app.emulator.endpoint));
    });
    afterAll(async () => app?.close());

    it('restores with one keychain read (the cache key), renews the three expired auto-refresh profiles, and leaves the others alone', async () => {
      const store = new CountingStore();
      const core = new Core({ configDir: app.configDir, secretStore: store });
      const scheduler = core.scheduler;
      const profiles = await core.listProfiles();
      const idOf = (name: string) => profiles.find((p) => p.name === name)!.id;
      const renewed = Promise.all(
        ['a', 'b', 'c'].map((name) =>
          nextChange(scheduler, idOf(name), (c) => c.state === 'fresh' && c.expiresAt! > Date.now()),
        ),
      );
      await scheduler.start();
      expect(store.counts).toEqual({ get: 1, set: 0, delete: 0, all: 0 });
      await renewed;
      scheduler.stop();
      // Each renewal reads its refresh token (one item); an unchanged refresh token is not written again.
      expect(store.counts).toEqual({ get: 4, set: 0, delete: 0, all: 0 });
      expect(scheduler.stateOf(idOf('manual'))?.state).toBe('off');
      expect(scheduler.stateOf(idOf('never-signed-in'))?.state).toBe('signed-out');
    });
  },
);
