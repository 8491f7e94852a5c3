import { describe, expect, it } from 'vitest';
import { Vault } from '../../../../main/core/keychain/vault.ts';
import { MemorySecretStore } from '../../../support/fakes/memory-secret-store.ts';

/** The in-memory keychain, counting bulk reads and able to fail them. */
class CountingStore extends MemorySecretStore {
  bulkReads = 0;
  failNext = false;
  override async all(): Promise<Map<string, string>> {
    this.bulkReads++;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('keychain is locked');
    }
    return super.all();
  }
}

const session = (accessToken: string) => ({ accessToken, refreshToken: 'r', tokenType: 'Bearer', expiresAt: 2e12, issuedAt: 0 });

describe('Vault bulk reads (in-memory keychain)', () => {
  it('serves one user action\'s repeated listings from one keychain read', async () => {
    const store = new CountingStore();
    const vault = new Vault(store);
    await vault.saveSession('a', session('A1'));
    await Promise.all([vault.allProfileSecrets(), vault.allProfileSecrets()]);
    await vault.allProfileSecrets();
    expect(store.bulkReads).toBe(1);
  });

  it('reads again after any write through it, so a change is never hidden', async () => {
    const store = new CountingStore();
    const vault = new Vault(store);
    await vault.saveSession('a', session('A1'));
    await vault.allProfileSecrets();
    await vault.saveSession('a', session('A2'));
    expect((await vault.allProfileSecrets()).get('a')?.session?.accessToken).toBe('A2');
    await vault.deleteSession('a');
    expect((await vault.allProfileSecrets()).get('a')).toBeUndefined();
    await vault.saveClientSecret('b', 'secret');
    expect((await vault.allProfileSecrets()).get('b')?.clientSecret).toBe('secret');
    await vault.forgetProfile('b');
    expect((await vault.allProfileSecrets()).has('b')).toBe(false);
    expect(store.bulkReads).toBe(5);
  });

  it('does not keep a failed read', async () => {
    const store = new CountingStore();
    const vault = new Vault(store);
    store.failNext = true;
    await expect(vault.allProfileSecrets()).rejects.toThrow(/locked/);
    await expect(vault.allProfileSecrets()).resolves.toBeInstanceOf(Map);
    expect(store.bulkReads).toBe(2);
  });
});
