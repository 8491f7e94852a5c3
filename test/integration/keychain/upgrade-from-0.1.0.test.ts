import type { ProfileId } from '../../../main/core/profiles/profile-id.ts';
import { idOf } from '../../support/profile-ids.ts';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../../main/core/keychain/keytar-secret-store.ts';
import type { SecretStore } from '../../../main/core/keychain/secret-store.ts';
import { SESSIONS_FOLDER } from '../../../main/core/keychain/session-cache.ts';
import { CACHE_KEY_ACCOUNT, Vault, type RememberedDevice } from '../../../main/core/keychain/vault.ts';
import type { TokenSet } from '../../../main/core/tokens/token-set.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { awsSizedSession } from '../../support/aws-sized-tokens.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import {
  BOB_PASSWORD,
  CONFIDENTIAL_CLIENT,
  REFRESH_CLIENT_SECRET,
  REFRESH_POOL,
  refreshProfile,
  refreshSeed,
} from '../refresh/refresh-test-kit.ts';

/** A session as 0.1.0's TokenSet held it (8d2fa73): no origin (nor clock offset or device flag), which came later. */
function asOf010(tokens: TokenSet): TokenSet {
  const { accessToken, idToken, refreshToken, tokenType, expiresAt, issuedAt, userId } = tokens;
  return JSON.parse(
    JSON.stringify({ accessToken, idToken, refreshToken, tokenType, expiresAt, issuedAt, userId }),
  ) as TokenSet;
}

/** 0.1.0's writes, frozen here as main/core/keychain/vault.ts wrote them at 8d2fa73 (one item per session, secret, device). */
const release010 = {
  saveSession: (store: SecretStore, profileId: string, tokens: TokenSet) =>
    store.set(`session:${profileId}`, JSON.stringify(asOf010(tokens))),
  saveClientSecret: (store: SecretStore, profileId: string, secret: string) =>
    store.set(`client-secret:${profileId}`, secret),
  saveDevice: (store: SecretStore, userPoolId: string, userId: string, device: RememberedDevice) =>
    store.set(`device:${userPoolId}:${userId}`, JSON.stringify(device)),
};

// A keychain as 0.1.0 left it (written with 0.1.0's format, on the real gnome-keyring), then the new code on first use:
// everything is read, moved to the new layout, and the old session items are removed only after the new ones are committed.
describe.skipIf(!HAS_KEYRING)(
  'upgrade from 0.1.0: sessions, client secrets and devices in the old layout are read and moved on first use (real keyring, emulator, ctm)',
  () => {
    let app: AppFixture;
    let confId: ProfileId;
    let bigId: ProfileId;
    let signedIn: TokenSet;
    const big = awsSizedSession();
    const device: RememberedDevice = {
      deviceKey: `${REFRESH_POOL.split('_')[0]}_0f1e2d3c-aaaa-4bbb-8ccc-123456789abc`,
      deviceGroupKey: '-AbCdEf12',
      devicePassword: 'device-password-0123456789abcdefghij',
    };
    const raw = new KeytarSecretStore();
    const accounts = async (): Promise<string[]> => [...(await raw.all()).keys()].sort();

    beforeAll(async () => {
      app = await startAppFixture(refreshSeed(3600));
      confId = (
        await app.core.addProfile(
          refreshProfile('conf', CONFIDENTIAL_CLIENT, app.emulator.endpoint),
          REFRESH_CLIENT_SECRET,
        )
      ).id;
      bigId = (await app.core.addProfile(refreshProfile('big', CONFIDENTIAL_CLIENT, app.emulator.endpoint))).id;
      await app.core.signIn(await idOf(app.core, 'conf'), { password: BOB_PASSWORD });
      signedIn = asOf010((await app.vault.session(confId))!);
      // Back to 0.1.0: no cache file, no new items; what 0.1.0 wrote, as it wrote it.
      rmSync(join(app.configDir, SESSIONS_FOLDER), { recursive: true });
      for (const account of await accounts()) await raw.delete(account);
      await release010.saveSession(raw, confId, signedIn);
      await release010.saveClientSecret(raw, confId, REFRESH_CLIENT_SECRET);
      await release010.saveDevice(raw, REFRESH_POOL, 'bob', device);
      await release010.saveSession(raw, bigId, big); // 7 KB in one item: fine on Linux, what Windows refused
    });
    afterAll(async () => app?.close());

    it('the keychain holds the 0.1.0 layout to start with', async () => {
      expect(await accounts()).toEqual(
        [`client-secret:${confId}`, `device:${REFRESH_POOL}:bob`, `session:${bigId}`, `session:${confId}`].sort(),
      );
    });

    it('ctm token, first use: moves the sessions, and does not print the session 0.1.0 kept for a server nothing vouches for', async () => {
      // The emulator's tokens name AWS's issuer on a custom endpoint: nothing shows the session was issued there (the
      // last test says what to do). Its token is not printed, no network call is made, and the layout still moves.
      const before = app.emulator.requests.length;
      const run = await runCtm(['token', 'conf'], app.env);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('its session is kept but not used: it was stored by an older release');
      expect(run.stdout).toBe('');
      expect(app.emulator.requests.length).toBe(before);
      const after = await accounts();
      expect(after.filter((a) => a.startsWith('session:'))).toEqual([]);
      expect(after).toContain(CACHE_KEY_ACCOUNT);
      expect(after.filter((a) => a.startsWith(`refresh:${bigId}:`))).toHaveLength(1);
    });

    it('nothing is lost: both sessions whole, the client secret and the device as 0.1.0 stored them', async () => {
      const fresh = new Vault(new KeytarSecretStore(), app.configDir);
      expect(isDeepStrictEqual(await fresh.session(confId), signedIn)).toBe(true);
      expect(isDeepStrictEqual(await fresh.session(bigId), big)).toBe(true);
      expect((await fresh.clientSecrets.get(confId)) === REFRESH_CLIENT_SECRET).toBe(true);
      expect(await fresh.devices.get(REFRESH_POOL, 'bob')).toEqual(device);
    });

    it("the moved session and client secret are kept but not sent to the emulator's custom endpoint (its tokens name AWS's issuer, not it): ctm says what to do, and once done it works", async () => {
      const before = app.emulator.requests.length;
      const run = await runCtm(['token', 'conf', '--min-ttl', '3599.999'], app.env);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('its session is kept but not used: it was stored by an older release');
      const login = await runCtm(['login', 'conf', '--password-stdin'], app.env, `${BOB_PASSWORD}\n`);
      expect(login.code).not.toBe(0);
      expect(login.stderr).toContain('needs its client secret again: it was stored by an older release');
      expect(app.emulator.requests.length).toBe(before);
      // What the messages say to do: the secret set again, a sign-in; the new session renews with SECRET_HASH.
      const edit = await runCtm(['profile', 'edit', 'conf', '--client-secret-stdin'], app.env, REFRESH_CLIENT_SECRET);
      expect(edit.code).toBe(0);
      expect((await runCtm(['login', 'conf', '--password-stdin'], app.env, `${BOB_PASSWORD}\n`)).code).toBe(0);
      const renewed = await runCtm(['token', 'conf', '--min-ttl', '3599.999'], app.env);
      expect(renewed.stderr).toBe('');
      expect(renewed.code).toBe(0);
      const last = app.emulator.requests.at(-1);
      expect(last?.operation === 'GetTokensFromRefreshToken' || last?.body.AuthFlow === 'REFRESH_TOKEN_AUTH').toBe(
        true,
      );
      expect(renewed.stdout.trim() === signedIn.accessToken).toBe(false);
    });
  },
);
