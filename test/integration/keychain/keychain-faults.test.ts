import { Vault } from '../../../main/core/keychain/vault.ts';
import type { ProfileId } from '../../../main/core/profiles/profile-id.ts';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../main/core/core.ts';
import { KEYCHAIN_SERVICE, KeytarSecretStore } from '../../../main/core/keychain/keytar-secret-store.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import {
  BOB_PASSWORD,
  refreshProfile,
  refreshSeed,
  ROTATING_CLIENT,
  SHORT_CLIENT,
} from '../refresh/refresh-test-kit.ts';

// The real gnome-keyring-daemon of a private session is frozen (SIGSTOP), locked (Secret Service Lock) and killed
// (SIGKILL) by its process id. Each case must give a message that says what to do, and lose or overwrite nothing.
describe.skipIf(!HAS_KEYRING)('a misbehaving keychain: the real gnome-keyring frozen, locked and killed', () => {
  let app: AppFixture;
  let core: Core;
  /** The same keychain read from outside the core (the same half-second timeout). */
  let vault: Vault;
  let shortId: ProfileId;
  let rotatingId: ProfileId;
  const keyringFiles = (): string => {
    const dir = join(app.keyring.home, '.local/share/keyrings');
    return readdirSync(dir)
      .sort()
      .map((f) => `${f}:${readFileSync(join(dir, f)).toString('base64')}`)
      .join('\n');
  };
  beforeAll(async () => {
    app = await startAppFixture(refreshSeed(3600), { privateKeyring: true });
    const secretStore = new KeytarSecretStore(KEYCHAIN_SERVICE, 500);
    core = new Core({ configDir: app.configDir, secretStore });
    vault = new Vault(secretStore, app.configDir);
    shortId = (await core.addProfile(refreshProfile('short', SHORT_CLIENT, app.emulator.endpoint))).id;
    rotatingId = (
      await core.addProfile(
        refreshProfile('rotating', ROTATING_CLIENT, app.emulator.endpoint, {
          refreshMethod: 'GetTokensFromRefreshToken',
        }),
      )
    ).id;
    await core.signIn(shortId, { password: BOB_PASSWORD });
    await core.signIn(rotatingId, { password: BOB_PASSWORD });
  });
  afterAll(async () => {
    try {
      process.kill(app.keyring.keyringPid, 'SIGCONT');
    } catch {
      /* gone */
    }
    await app?.close();
  });

  const waitUntilAnswering = async (): Promise<void> => {
    for (let i = 0; i < 200; i++) {
      if (
        await vault.session(shortId).then(
          () => true,
          () => false,
        )
      )
        return;
      await sleep(50);
    }
    throw new Error('the keychain did not come back');
  };

  it('frozen daemon: a refresh fails within the timeout with a message to act on, then works again; nothing lost', async () => {
    const before = (await vault.session(shortId))!;
    process.kill(app.keyring.keyringPid, 'SIGSTOP');
    try {
      await expect(core.refreshNow(shortId)).rejects.toThrow(
        /did not answer a read within .*unlock it or restart it.*Nothing stored was changed/,
      );
      // A second call fails at once instead of stacking another hung call on keytar's worker threads.
      await expect(vault.session(shortId)).rejects.toThrow(/still not answering an earlier request/);
    } finally {
      process.kill(app.keyring.keyringPid, 'SIGCONT');
    }
    await waitUntilAnswering();
    expect((await vault.session(shortId))!.refreshToken).toBe(before.refreshToken);
    const renewed = await core.refreshNow(shortId);
    expect(renewed.refreshToken).toBe(before.refreshToken);
  });

  it('frozen between receiving a rotated refresh token and saving it: kept in memory, saved on the next try', async () => {
    const before = (await vault.session(rotatingId))!;
    app.emulator.faults.latency('GetTokensFromRefreshToken', 700);
    const count = app.emulator.requests.length;
    const refresh = core.refreshNow(rotatingId).then(
      () => 'saved',
      (error: Error) => error.message,
    );
    while (app.emulator.requests.length === count) await sleep(10);
    process.kill(app.keyring.keyringPid, 'SIGSTOP');
    const outcome = await refresh;
    process.kill(app.keyring.keyringPid, 'SIGCONT');
    app.emulator.faults.clear();
    expect(outcome).toMatch(/could not be saved; they are kept in memory|did not answer a write/);
    expect((await core.tokens(rotatingId)).refreshToken).not.toBe(before.refreshToken);
    await waitUntilAnswering();
    const kept = await core.refreshNow(rotatingId);
    expect((await vault.session(rotatingId))!.refreshToken).toBe(kept.refreshToken);
    expect(kept.refreshToken).not.toBe(before.refreshToken);
  });

  it('locked keyring: reads say "locked" instead of "not signed in", states still show, writes are refused; the keyring is unchanged', async () => {
    const files = keyringFiles();
    const lock = spawnSync(
      'dbus-send',
      [
        '--session',
        '--print-reply',
        '--dest=org.freedesktop.secrets',
        '/org/freedesktop/secrets',
        'org.freedesktop.Secret.Service.Lock',
        'array:objpath:/org/freedesktop/secrets/aliases/default',
      ],
      { env: { ...process.env, ...app.keyring.env }, encoding: 'utf8' },
    );
    expect(lock.status).toBe(0);
    await expect(vault.session(shortId)).rejects.toThrow(/keychain is locked.*Unlock it/);
    // The states still show: they come from the encrypted cache, whose key this process read before the lock.
    expect((await vault.allProfileSecrets()).get(shortId)?.session?.hasRefreshToken).toBe(true);
    await expect(
      vault.saveSession(shortId, {
        accessToken: 'x',
        refreshToken: 'a-new-refresh-token',
        tokenType: 'Bearer',
        expiresAt: 1,
        issuedAt: 0,
      }),
    ).rejects.toThrow(/locked/);
    expect((await vault.allProfileSecrets()).get(shortId)?.session?.expiresAt).not.toBe(1);
    const ctm = await runCtm(['token', 'short'], app.env);
    expect(ctm.stderr).toMatch(/keychain is locked/);
    expect(ctm.stdout).toBe('');
    expect(keyringFiles()).toBe(files);
  });

  it('killed daemon: a message that the Secret Service is gone (or locked once D-Bus restarts one); the stored keyring is unchanged', async () => {
    const files = keyringFiles();
    process.kill(app.keyring.keyringPid, 'SIGKILL');
    await sleep(200);
    await expect(vault.session(shortId)).rejects.toThrow(/No Secret Service is answering|keychain is locked/);
    const ctm = await runCtm(['status'], app.env);
    expect(ctm.code).not.toBeNull(); // no crash: listing a locked collection would kill keytar with SIGSEGV
    expect(ctm.stderr).toMatch(/No Secret Service is answering|keychain is locked/);
    expect(keyringFiles()).toBe(files);
  });
});
