import type { SecretStore } from '../../../main/core/keychain/secret-store.ts';

/** The largest CredentialBlob Windows accepts: CRED_MAX_CREDENTIAL_BLOB_SIZE = 5 * 512 bytes (learn.microsoft.com, CREDENTIALW). */
export const WINDOWS_MAX_BLOB_BYTES = 5 * 512;

/**
 * Any SecretStore (the suites wrap the REAL keyring's) held to Windows' Credential Manager limit: keytar writes the
 * secret as UTF-8 and CredWriteW refuses a blob over 2,560 bytes with ERROR 1783 (RPC_X_BAD_STUB_DATA), which keytar
 * surfaces as its system message, "The stub received bad data." (atom/node-keytar#112). Nothing is written then.
 */
export class WindowsLimitSecretStore implements SecretStore {
  private readonly inner: SecretStore;
  /** Every write this store refused, by account (sizes only: never the secret). */
  readonly refused: { account: string; bytes: number }[] = [];
  constructor(inner: SecretStore) {
    this.inner = inner;
  }
  get(account: string): Promise<string | undefined> {
    return this.inner.get(account);
  }
  async set(account: string, secret: string): Promise<void> {
    const bytes = Buffer.byteLength(secret, 'utf8');
    if (bytes > WINDOWS_MAX_BLOB_BYTES) {
      this.refused.push({ account, bytes });
      throw new Error('The stub received bad data.');
    }
    return this.inner.set(account, secret);
  }
  delete(account: string): Promise<boolean> {
    return this.inner.delete(account);
  }
  all(): Promise<Map<string, string>> {
    return this.inner.all();
  }
}
