import type { SecretStore } from './secret-store.ts';

/**
 * Deletes the keychain items a committed file no longer names. One that cannot be deleted now stays in the file's
 * trash, and the next commit tries again; `emptied` remembers what this process deleted, so that commit drops it.
 */
export async function emptyTrash(store: SecretStore, accounts: readonly string[], emptied: Set<string>): Promise<void> {
  for (const account of accounts) {
    try {
      await store.delete(account);
      emptied.add(account);
    } catch {
      /* still in the file's trash: the next commit tries again */
    }
  }
}
