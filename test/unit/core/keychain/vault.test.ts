import { testProfileId } from '../../../support/profile-ids.ts';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ITEM_BYTES } from '../../../../main/core/keychain/item-limit.ts';
import { newGeneration } from '../../../../main/core/keychain/refresh-token-items.ts';
import { SESSIONS_FOLDER } from '../../../../main/core/keychain/session-cache.ts';
import { CACHE_KEY_ACCOUNT, Vault } from '../../../../main/core/keychain/vault.ts';
import { awsSizedRefreshToken, awsSizedSession } from '../../../support/aws-sized-tokens.ts';
import { CountingSecretStore } from '../../../support/fakes/counting-secret-store.ts';
import { WindowsLimitSecretStore } from '../../../support/fakes/windows-limit-secret-store.ts';

const folder = (): string => mkdtempSync(join(tmpdir(), 'ctm-vault-'));
/** The in-memory keychain, counted, held to Windows' item limit (the real keyring's suites are in test/integration/keychain). */
function stores(): { counting: CountingSecretStore; windows: WindowsLimitSecretStore } {
  const counting = new CountingSecretStore();
  return { counting, windows: new WindowsLimitSecretStore(counting) };
}
const refreshItems = (store: CountingSecretStore, profileId: string): string[] =>
  [...store.entries.keys()].filter((a) => a.startsWith(`refresh:${profileId}:`)).sort();

describe('Vault layout (in-memory keychain held to Windows\u2019 2,560-byte item limit)', () => {
  it('stores an AWS-sized session (7 KB as one JSON) and an 8 KB refresh token in items that all fit Windows', async () => {
    const { counting, windows } = stores();
    const dir = folder();
    const vault = new Vault(windows, dir);
    const aws = awsSizedSession();
    const huge = awsSizedSession({ refreshLength: 8_192, idSize: 8_000 });
    await vault.saveSession(testProfileId('aws'), aws);
    await vault.saveSession(testProfileId('huge'), huge);
    expect(windows.refused).toEqual([]);
    expect(Math.max(...[...counting.entries.values()].map((s) => Buffer.byteLength(s)))).toBeLessThanOrEqual(
      MAX_ITEM_BYTES,
    );
    expect(refreshItems(counting, 'huge')).toHaveLength(4);
    expect(await vault.session(testProfileId('aws'))).toEqual(aws);
    expect(await new Vault(windows, dir).session(testProfileId('huge'))).toEqual(huge);
  });

  it('keeps no token in clear in the config folder: the session files are sealed with the key from the keychain', async () => {
    const dir = folder();
    const { counting } = stores();
    const aws = awsSizedSession();
    await new Vault(counting, dir).saveSession(testProfileId('p'), aws);
    const file = readdirSync(join(dir, SESSIONS_FOLDER))
      .map((name) => readFileSync(join(dir, SESSIONS_FOLDER, name)).toString('latin1'))
      .join('\n');
    for (const token of [aws.accessToken, aws.idToken!, aws.refreshToken!])
      expect(file).not.toContain(token.slice(20, 60));
    expect(counting.entries.get(CACHE_KEY_ACCOUNT)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('reads a cached session with at most two keychain items, with 1 or with 120 signed-in profiles', async () => {
    for (const count of [1, 120]) {
      const dir = folder();
      const { counting, windows } = stores();
      const writer = new Vault(windows, dir);
      for (let i = 0; i < count; i++) await writer.saveSession(testProfileId(`p${i}`), awsSizedSession());
      counting.reset();
      const fresh = new Vault(windows, dir); // a new `ctm token` process
      expect((await fresh.cachedTokens(testProfileId('p0')))?.accessToken).toMatch(/^eyJ/);
      expect(counting.gets + counting.listings).toBeLessThanOrEqual(2);
      expect(counting.listings).toBe(0);
      counting.reset();
      expect((await new Vault(windows, dir).allProfileSecrets()).size).toBe(count);
      expect({ gets: counting.gets, listings: counting.listings }).toEqual({ gets: 1, listings: 0 });
    }
  });

  it('a refresh that keeps the refresh token writes no keychain item; a rotation writes a new generation and deletes the old', async () => {
    const { counting, windows } = stores();
    const vault = new Vault(windows, folder());
    const first = awsSizedSession();
    await vault.saveSession(testProfileId('p'), first);
    const before = refreshItems(counting, 'p');
    counting.reset();
    await vault.saveSession(testProfileId('p'), { ...first, accessToken: 'renewed', expiresAt: first.expiresAt + 1 });
    expect({ sets: counting.sets, deletes: counting.deletes }).toEqual({ sets: 0, deletes: 0 });
    expect((await vault.session(testProfileId('p')))?.accessToken).toBe('renewed');
    const rotated = { ...first, refreshToken: awsSizedRefreshToken() };
    await vault.saveSession(testProfileId('p'), rotated);
    const after = refreshItems(counting, 'p');
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
    expect(await vault.session(testProfileId('p'))).toEqual(rotated);
  });

  it('sign-out removes the session from the cache and its refresh-token items from the keychain', async () => {
    const { counting, windows } = stores();
    const vault = new Vault(windows, folder());
    await vault.saveSession(testProfileId('p'), awsSizedSession({ refreshLength: 6_000 }));
    await vault.deleteSession(testProfileId('p'));
    expect(await vault.session(testProfileId('p'))).toBeUndefined();
    expect(refreshItems(counting, 'p')).toEqual([]);
  });

  it('concurrent saves of many profiles all land (they share file writes), each readable afterwards', async () => {
    const { windows } = stores();
    const dir = folder();
    const vault = new Vault(windows, dir);
    const sessions = Array.from({ length: 12 }, () => awsSizedSession());
    await Promise.all(sessions.map((s, i) => vault.saveSession(testProfileId(`p${i}`), s)));
    const fresh = new Vault(windows, dir);
    for (const [i, s] of sessions.entries()) expect(await fresh.session(testProfileId(`p${i}`))).toEqual(s);
  });

  it('when the cache key is deleted, the refresh tokens are kept: the sessions come back expired, to be refreshed', async () => {
    const { counting, windows } = stores();
    const dir = folder();
    const aws = awsSizedSession({ refreshLength: 5_000 });
    await new Vault(windows, dir).saveSession(testProfileId('p'), aws);
    counting.entries.delete(CACHE_KEY_ACCOUNT);
    const recovered = await new Vault(windows, dir).session(testProfileId('p'));
    expect(recovered?.refreshToken).toBe(aws.refreshToken);
    expect(recovered?.expiresAt).toBe(0);
    expect(counting.entries.get(CACHE_KEY_ACCOUNT)).toBeDefined();
  });

  it('sweeps refresh-token items no session names once they are old, never young ones (a commit may be under way)', async () => {
    const { counting, windows } = stores();
    const vault = new Vault(windows, folder());
    await vault.saveSession(testProfileId('p'), awsSizedSession());
    const now = Date.now();
    counting.entries.set(`refresh:p:${newGeneration(now - 20 * 60_000)}:0:1`, 'orphan-old');
    counting.entries.set(`refresh:p:${newGeneration(now)}:0:1`, 'orphan-young');
    expect(await vault.sweepOrphans(now)).toBe(1);
    expect([...counting.entries.values()]).not.toContain('orphan-old');
    expect([...counting.entries.values()]).toContain('orphan-young');
    expect((await vault.session(testProfileId('p')))?.refreshToken).toMatch(/^ey/);
  });

  it('refuses a client secret or device that would not fit one Windows item, with a clear message, storing nothing', async () => {
    const { counting, windows } = stores();
    const vault = new Vault(windows, folder());
    await expect(vault.clientSecrets.save('p', 's'.repeat(3_000))).rejects.toThrow(
      /client secret is 3000 bytes, more than the 2560 bytes.*Nothing stored was changed/,
    );
    expect(counting.entries.size).toBe(0);
  });
});
