import { profileRef } from '../../main/core/profiles/profile-id.ts';
import { idOf } from '../support/profile-ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE } from '../../main/core/keychain/keytar-secret-store.ts';
import { startAppFixture, type AppFixture } from '../support/app-fixture.ts';
import { secretHashFor } from '../support/emulator/index.ts';
import { filesContaining } from '../support/secret-scan.ts';
import {
  ALICE_PASSWORD,
  CLIENT_SECRET,
  PUBLIC_CLIENT,
  SECRET_CLIENT,
  skeletonSeed,
  TEST_POOL,
} from '../support/seeds-inline.ts';
import { HAS_KEYRING } from '../support/system-components.ts';

describe.skipIf(!HAS_KEYRING)(
  'core against the emulator and the real keyring (gnome-keyring on a private D-Bus)',
  () => {
    let app: AppFixture;
    beforeAll(async () => {
      app = await startAppFixture(skeletonSeed());
    });
    afterAll(async () => app?.close());

    const profile = (name: string, clientId: string) => ({
      name,
      region: 'us-east-1',
      userPoolId: TEST_POOL,
      clientId,
      username: 'alice',
      authFlow: 'USER_PASSWORD_AUTH',
      endpoint: app.emulator.endpoint,
    });

    it('signs in, keeps the refresh token in the keyring and in no file of the config folder', async () => {
      const added = await app.core.addProfile(profile('public', PUBLIC_CLIENT));
      const step = await app.core.signIn(await idOf(app.core, 'public'), { password: ALICE_PASSWORD });
      expect(step.kind).toBe('signed-in');
      const keytar = (await import('keytar')).default;
      const items = (await keytar.findCredentials(KEYCHAIN_SERVICE))
        .filter((c) => c.account.startsWith(`refresh:${added.id}:`))
        .sort((a, b) => a.account.localeCompare(b.account));
      const stored = (await app.vault.session(added.id))!;
      expect(stored.refreshToken).toMatch(/.{20,}/);
      expect(items.map((c) => c.password).join('')).toBe(stored.refreshToken);
      expect(
        filesContaining(app.configDir, {
          refresh: stored.refreshToken!,
          access: stored.accessToken!,
          password: ALICE_PASSWORD,
        }),
      ).toEqual([]);
    });

    it('refreshes the access token when it is about to expire', async () => {
      const before = await app.core.tokens(await idOf(app.core, 'public'));
      app.emulator.advanceClock(1000);
      const after = await app.core.tokens(await idOf(app.core, 'public'), { minTtlMs: 3600_000 - 1 });
      expect(after.accessToken).not.toBe(before.accessToken);
      expect(after.refreshToken).toBe(before.refreshToken);
      expect(app.emulator.requests.at(-1)?.operation).toBe('GetTokensFromRefreshToken');
    });

    it('serves a still-valid token without a network call', async () => {
      const count = app.emulator.requests.length;
      await app.core.tokens(await idOf(app.core, 'public'));
      expect(app.emulator.requests.length).toBe(count);
    });

    it('shares one refresh among concurrent requests', async () => {
      const count = app.emulator.requests.length;
      const id = await idOf(app.core, 'public');
      await Promise.all(Array.from({ length: 10 }, () => app.core.refreshNow(id)));
      expect(app.emulator.requests.length).toBe(count + 1);
    });

    it('sends SECRET_HASH for a confidential client, on sign-in and on refresh, with the secret only in the keyring', async () => {
      await app.core.addProfile(profile('confidential', SECRET_CLIENT), CLIENT_SECRET);
      await app.core.signIn(await idOf(app.core, 'confidential'), { password: ALICE_PASSWORD });
      const signIn = app.emulator.requests.at(-1)!;
      expect((signIn.body.AuthParameters as Record<string, string>).SECRET_HASH).toBe(
        secretHashFor(CLIENT_SECRET, 'alice', SECRET_CLIENT),
      );
      await app.core.refreshNow(await idOf(app.core, 'confidential'));
      expect(app.emulator.requests.at(-1)?.operation).toBe('GetTokensFromRefreshToken');
      expect(filesContaining(app.configDir, { clientSecret: CLIENT_SECRET })).toEqual([]);
    });

    it('marks the profile sign-in required and drops the refresh token once Cognito refuses it', async () => {
      app.emulator.revokeAllFor('alice');
      await expect(app.core.refreshNow(await idOf(app.core, 'public'))).rejects.toThrow(/needs a sign-in/);
      const status = (await app.core.statuses()).find((s) => s.profile.name === 'public');
      expect(status?.state).toBe('needs-sign-in');
      expect(await app.vault.session(status!.profile.id)).toBeUndefined();
    });

    it('refuses a wrong password with an actionable message and stores nothing', async () => {
      await app.core.addProfile(profile('wrong', PUBLIC_CLIENT));
      await expect(app.core.signIn(await idOf(app.core, 'wrong'), { password: 'nope' })).rejects.toThrow(
        /Incorrect username or password.*Check the username/,
      );
      const status = (await app.core.statuses()).find((s) => s.profile.name === 'wrong');
      expect(status?.state).toBe('signed-out');
    });

    it('signs out: revokes the refresh token and removes the keychain entry', async () => {
      await app.core.signIn(await idOf(app.core, 'confidential'), { password: ALICE_PASSWORD });
      const id = (await app.core.resolveProfile(profileRef('confidential'))).id;
      const refreshToken = (await app.vault.session(id))!.refreshToken!;
      await app.core.signOut(await idOf(app.core, 'confidential'));
      expect(app.emulator.requests.at(-1)?.operation).toBe('RevokeToken');
      expect(await app.vault.session(id)).toBeUndefined();
      expect(refreshToken.length).toBeGreaterThan(10);
    });

    it('removing a profile removes its client secret from the keyring', async () => {
      const id = (await app.core.resolveProfile(profileRef('confidential'))).id;
      await app.core.removeProfile(await idOf(app.core, 'confidential'));
      expect(await app.vault.clientSecrets.get(id)).toBeUndefined();
    });
  },
);
