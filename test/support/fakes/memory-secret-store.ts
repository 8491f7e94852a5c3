import type { SecretStore } from '../../../main/core/keychain/secret-store.ts';

/** An in-memory keychain for unit tests of logic above the keychain (integration tests use the real keyring). */
export class MemorySecretStore implements SecretStore {
  readonly entries = new Map<string, string>();
  async get(account: string): Promise<string | undefined> {
    return this.entries.get(account);
  }
  async set(account: string, secret: string): Promise<void> {
    this.entries.set(account, secret);
  }
  async delete(account: string): Promise<boolean> {
    return this.entries.delete(account);
  }
  async all(): Promise<Map<string, string>> {
    return new Map(this.entries);
  }
}
