import type { ProfileId } from '../../../main/core/profiles/profile-id.ts';
import { profileRef } from '../../../main/core/profiles/profile-id.ts';
import { idOf } from '../../support/profile-ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../../main/core/keychain/keytar-secret-store.ts';
import { Vault } from '../../../main/core/keychain/vault.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { flowsSeed, mainPool, PASSWORD, SECRET } from './flows-seed.ts';

describe.skipIf(!HAS_KEYRING)('refresh with rotation and sign-out (emulator, real keyring)', () => {
  let app: AppFixture;
  const operationsSince = (from: number) => app.emulator.requests.slice(from).map((r) => r.operation);
  beforeAll(async () => {
    app = await startAppFixture(flowsSeed());
  });
  afterAll(async () => app?.close());
  // A vault of its own over the keyring and the config folder: what is stored, not what the core holds in memory.
  const keychainSession = (profileId: ProfileId) =>
    new Vault(new KeytarSecretStore(), app.configDir).session(profileId);

  it('with rotation, GetTokensFromRefreshToken\u2019s new refresh token replaces the old one in the keychain', async () => {
    const profile = await app.core.addProfile(
      mainPool(app.emulator.endpoint, {
        name: 'rotating',
        clientId: 'rotatingsecret1',
        username: 'alice',
        refreshMethod: 'GetTokensFromRefreshToken',
      }),
      SECRET,
    );
    await app.core.signIn(await idOf(app.core, 'rotating'), { password: PASSWORD });
    const first = (await keychainSession(profile.id))?.refreshToken;
    await app.core.refreshNow(await idOf(app.core, 'rotating'));
    const second = (await keychainSession(profile.id))?.refreshToken;
    expect(second).toMatch(/.{20,}/);
    expect(second).not.toBe(first);
    app.emulator.advanceClock(60_000);
    await app.core.refreshNow(await idOf(app.core, 'rotating'));
    expect((await keychainSession(profile.id))?.refreshToken).not.toBe(second);
  });

  it('a rotation client (REFRESH_TOKEN_AUTH off) renews by default with one GetTokensFromRefreshToken and keeps the new token', async () => {
    const profile = await app.core.addProfile(
      mainPool(app.emulator.endpoint, { name: 'old-refresh', clientId: 'rotatingclient1', username: 'alice' }),
    );
    await app.core.signIn(await idOf(app.core, 'old-refresh'), { password: PASSWORD });
    const before = (await keychainSession(profile.id))?.refreshToken;
    const from = app.emulator.requests.length;
    await app.core.refreshNow(await idOf(app.core, 'old-refresh'));
    expect(operationsSince(from)).toEqual(['GetTokensFromRefreshToken']);
    expect((await keychainSession(profile.id))?.refreshToken).not.toBe(before);
  });

  it('logout revokes the refresh token (RevokeToken with the client secret) and removes the keychain entry', async () => {
    const profile = await app.core.addProfile(
      mainPool(app.emulator.endpoint, {
        name: 'leaving',
        clientId: 'secretclient1',
        username: 'alice',
        authFlow: 'USER_PASSWORD_AUTH',
      }),
      SECRET,
    );
    await app.core.signIn(await idOf(app.core, 'leaving'), { password: PASSWORD });
    const from = app.emulator.requests.length;
    await app.core.signOut(await idOf(app.core, 'leaving'));
    expect(operationsSince(from)).toEqual(['RevokeToken']);
    expect(app.emulator.requests.at(-1)?.body).toMatchObject({ ClientId: 'secretclient1', ClientSecret: SECRET });
    expect(await keychainSession(profile.id)).toBeUndefined();
  });

  it('logout --global signs the user out everywhere: another profile of the same user can no longer refresh', async () => {
    await app.core.addProfile(
      mainPool(app.emulator.endpoint, { name: 'laptop', username: 'smsuser', authFlow: 'USER_PASSWORD_AUTH' }),
    );
    await app.core.addProfile(
      mainPool(app.emulator.endpoint, { name: 'desktop', username: 'smsuser', authFlow: 'USER_PASSWORD_AUTH' }),
    );
    for (const name of ['laptop', 'desktop']) {
      const step = await app.core.signIn(await idOf(app.core, name), { password: PASSWORD });
      if (step.kind === 'challenge')
        await app.core.answerChallenge(step.conversationId, {
          code: app.emulator.outbox('smsuser').at(-1) ?? '',
        });
    }
    const from = app.emulator.requests.length;
    await app.core.signOut(await idOf(app.core, 'laptop'), { global: true });
    expect(operationsSince(from)).toEqual(['GlobalSignOut', 'RevokeToken']);
    await expect(app.core.refreshNow(await idOf(app.core, 'desktop'))).rejects.toThrow(/needs a sign-in.*revoked/);
  });

  it('logout --global when Cognito finds the access token expired (emulator clock ahead of ours): refreshes once, then signs out everywhere', async () => {
    await app.core.addProfile(
      mainPool(app.emulator.endpoint, {
        name: 'short',
        clientId: 'shortlivedclient1',
        username: 'alice',
        authFlow: 'USER_PASSWORD_AUTH',
      }),
    );
    await app.core.signIn(await idOf(app.core, 'short'), { password: PASSWORD });
    app.emulator.advanceClock(61_000);
    const from = app.emulator.requests.length;
    await app.core.signOut(await idOf(app.core, 'short'), { global: true });
    expect(operationsSince(from)).toEqual([
      'GlobalSignOut',
      'GetTokensFromRefreshToken',
      'GlobalSignOut',
      'RevokeToken',
    ]);
    expect(await app.vault.session((await app.core.resolveProfile(profileRef('short'))).id)).toBeUndefined();
  });
});
