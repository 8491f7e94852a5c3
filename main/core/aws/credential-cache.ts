import { rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SealedFiles } from '../keychain/sealed-files.ts';
import type { SecretStore } from '../keychain/secret-store.ts';
import { SESSIONS_FOLDER } from '../keychain/session-cache.ts';
import { isAwsCredentials, type AwsCredentials } from './aws-credentials.ts';

/** The keychain item of the cache key (vault.ts's CACHE_KEY_ACCOUNT; named here so the fast path loads no vault). */
const CACHE_KEY = 'cache-key';

/** What one profile's file holds: the identity id (kept across renewals and sign-outs of the credentials) and the credentials. */
export interface AwsCredentialFile {
  version: 1;
  /** The identity pool and role they are for: a profile edited to another pool or role does not reuse them. */
  identityPoolId?: string;
  roleArn?: string;
  identityId?: string;
  credentials?: AwsCredentials;
}

/** The file's credentials when they were issued for this identity pool and role. */
export function credentialsFor(
  file: AwsCredentialFile,
  identityPoolId: string,
  roleArn: string | undefined,
): AwsCredentials | undefined {
  return file.identityPoolId === identityPoolId && file.roleArn === roleArn ? file.credentials : undefined;
}

function parse(text: string): AwsCredentialFile | undefined {
  try {
    const value = JSON.parse(text) as Partial<AwsCredentialFile>;
    if (
      value.version !== 1 ||
      [value.identityId, value.identityPoolId, value.roleArn].some((v) => v !== undefined && typeof v !== 'string')
    )
      return undefined;
    if (value.credentials !== undefined && !isAwsCredentials(value.credentials)) return undefined;
    return value as AwsCredentialFile;
  } catch {
    return undefined;
  }
}

/**
 * A profile's identity id and AWS credentials, in its own file beside its session (`sessions/<id>.aws`), sealed with
 * AES-256-GCM under the same keychain-held cache key as the access tokens. One keychain read per process at most.
 */
export class AwsCredentialCache {
  private readonly store: SecretStore;
  private readonly folder: string;
  private readonly files = new SealedFiles();
  private key: string | undefined;

  constructor(store: SecretStore, configDir: string) {
    this.store = store;
    this.folder = join(configDir, SESSIONS_FOLDER);
  }

  private pathOf(profileId: string): string {
    return join(this.folder, `${encodeURIComponent(profileId)}.aws`);
  }

  private readonly keys = (): AsyncIterable<string> => {
    const load = async (): Promise<string | undefined> => (this.key ??= await this.store.get(CACHE_KEY));
    return (async function* keys() {
      const key = await load();
      if (key) yield key;
    })();
  };

  /** The profile's file; an empty one when there is none or it no longer opens (its key was replaced). */
  async read(profileId: string): Promise<AwsCredentialFile> {
    const read = await this.files.read(this.pathOf(profileId), this.keys, parse);
    return read.kind === 'ok' ? read.value : { version: 1 };
  }

  /** Replaces the profile's file. The cache key exists: the profile signed in (its session file is sealed with it). */
  async write(profileId: string, file: AwsCredentialFile): Promise<void> {
    this.key ??= await this.store.get(CACHE_KEY);
    if (!this.key) throw new Error('the session cache has no key yet');
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    await this.files.write(this.pathOf(profileId), file, this.key, false);
  }

  /** Forgets the profile's credentials and identity id, at once (a sign-out's listener runs it before ctm exits). */
  remove(profileId: string): void {
    void this.files.remove(this.pathOf(profileId));
    rmSync(this.pathOf(profileId), { force: true });
  }
}
