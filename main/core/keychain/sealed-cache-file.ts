import { stat } from 'node:fs/promises';
import { writeFileAtomic } from '../profiles/atomic-write.ts';
import { openCache, sealCache } from './session-cache-crypto.ts';
import { parseCache, readSealedCache, type SessionCache } from './session-cache.ts';

/**
 * The encrypted cache file, remembering the cache it last read or wrote with the file's identity then (inode, size,
 * mtime): while no other process replaced the file, a read costs one stat instead of decrypting and parsing it again
 * (a storm of 1,000 refreshes would otherwise decrypt a file of megabytes 1,000 times).
 */
export class SealedCacheFile {
  readonly path: string;
  private memo: { stamp: string; cache: SessionCache } | undefined;
  constructor(path: string) {
    this.path = path;
  }

  /** The cache, opened with the first of `keys` that opens it; undefined when there is no file or none opens it. */
  async read(keys: () => AsyncIterable<string>): Promise<{ cache: SessionCache; key: string } | undefined> {
    const stamp = await stampOf(this.path);
    if (!stamp) return undefined;
    const sealed = this.memo?.stamp === stamp ? undefined : await readSealedCache(this.path);
    for await (const key of keys()) {
      if (!sealed) return this.memo && { cache: this.memo.cache, key };
      const text = openCache(key, sealed);
      const cache = text === undefined ? undefined : parseCache(text);
      if (cache) {
        this.memo = { stamp, cache };
        return { cache, key };
      }
    }
    return undefined;
  }

  /** Replaces the file (atomically, fsynced, 0600) with `cache` sealed under `key`. */
  async write(cache: SessionCache, key: string): Promise<void> {
    this.memo = undefined;
    await writeFileAtomic(this.path, sealCache(key, JSON.stringify(cache)));
    const stamp = await stampOf(this.path);
    if (stamp) this.memo = { stamp, cache };
  }
}

async function stampOf(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path, { bigint: true });
    return `${info.ino}:${info.size}:${info.mtimeNs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
