import { MemorySecretStore } from './memory-secret-store.ts';

/** The in-memory keychain, counting each kind of call (to prove how many items a path reads). */
export class CountingSecretStore extends MemorySecretStore {
  gets = 0;
  sets = 0;
  deletes = 0;
  listings = 0;
  /** Zeroes the counts. */
  reset(): void {
    this.gets = this.sets = this.deletes = this.listings = 0;
  }
  override async get(account: string): Promise<string | undefined> {
    this.gets += 1;
    return super.get(account);
  }
  override async set(account: string, secret: string): Promise<void> {
    this.sets += 1;
    return super.set(account, secret);
  }
  override async delete(account: string): Promise<boolean> {
    this.deletes += 1;
    return super.delete(account);
  }
  override async all(): Promise<Map<string, string>> {
    this.listings += 1;
    return super.all();
  }
}
