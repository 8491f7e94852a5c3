import { testProfileId } from '../../../support/profile-ids.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../../../main/core/keychain/vault.ts';
import type { TokenSet } from '../../../../main/core/tokens/token-set.ts';
import { MemorySecretStore } from '../../../support/fakes/memory-secret-store.ts';

const folder = (): string => mkdtempSync(join(tmpdir(), 'ctm-vault-'));
const tokens: TokenSet = { accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', issuedAt: 0, expiresAt: 1 };

describe('Vault session events (in-memory keychain)', () => {
  it('tells subscribers after a session is stored or removed, whoever did it', async () => {
    const vault = new Vault(new MemorySecretStore(), folder());
    const seen: string[] = [];
    const stop = vault.onSessionChange((id, session) => seen.push(`${id}:${session ? 'saved' : 'gone'}`));
    await vault.saveSession(testProfileId('p1'), tokens);
    await vault.deleteSession(testProfileId('p1'));
    await vault.forgetProfile(testProfileId('p2'));
    stop();
    await vault.saveSession(testProfileId('p3'), tokens);
    expect(seen).toEqual(['p1:saved', 'p1:gone', 'p2:gone']);
  });

  it('does not tell anyone when the keychain refused the write', async () => {
    const store = new MemorySecretStore();
    store.set = async () => {
      throw new Error('locked');
    };
    const vault = new Vault(store, folder());
    const seen: string[] = [];
    vault.onSessionChange((id) => seen.push(id));
    await expect(vault.saveSession(testProfileId('p1'), tokens)).rejects.toThrow('locked');
    expect(seen).toEqual([]);
  });

  it('a failing subscriber does not turn a stored session into a failed save', async () => {
    const store = new MemorySecretStore();
    const vault = new Vault(store, folder());
    vault.onSessionChange(() => {
      throw new Error('listener bug');
    });
    await vault.saveSession(testProfileId('p1'), tokens);
    expect([...store.entries.keys()].some((account) => account.startsWith('refresh:p1:'))).toBe(true);
  });
});
