import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { writeFileAtomic } from '../profiles/atomic-write.ts';
import { openCache, sealCache } from './session-cache-crypto.ts';

/** What reading a sealed file gave: its value and the key that opened it, or why not. */
export type SealedRead<T> = { kind: 'ok'; value: T; key: string } | { kind: 'missing' } | { kind: 'unopenable' };

/**
 * Files sealed with the cache key (AES-256-GCM), each remembered with its identity when last read or written (inode,
 * size, mtime): while no other process replaced a file, reading it again costs one stat, not a decrypt and parse.
 */
export class SealedFiles {
  private readonly memo = new Map<string, { stamp: string; value: unknown; key: string }>();

  /** Opens `path` with the first of `keys` that opens it (keys are asked for lazily: a remembered file needs none). */
  async read<T>(
    path: string,
    keys: () => AsyncIterable<string>,
    parse: (text: string) => T | undefined,
  ): Promise<SealedRead<T>> {
    const stamp = await stampOf(path);
    if (!stamp) return { kind: 'missing' };
    const known = this.memo.get(path);
    if (known?.stamp === stamp) return { kind: 'ok', value: known.value as T, key: known.key };
    const sealed = await readFile(path).catch(() => undefined);
    if (!sealed) return { kind: 'missing' };
    for await (const key of keys()) {
      const text = openCache(key, sealed);
      const value = text === undefined ? undefined : parse(text);
      if (value !== undefined) {
        this.memo.set(path, { stamp, value, key });
        return { kind: 'ok', value, key };
      }
    }
    return { kind: 'unopenable' };
  }

  /** Replaces `path` atomically (0600; fsynced unless `durable` is false) with `value` sealed under `key`. */
  async write(path: string, value: unknown, key: string, durable = true): Promise<void> {
    this.memo.delete(path);
    await writeFileAtomic(path, sealCache(key, JSON.stringify(value)), { durable });
    const stamp = await stampOf(path);
    if (stamp) this.memo.set(path, { stamp, value, key });
  }

  /** Removes `path` (an atomic unlink). */
  async remove(path: string): Promise<void> {
    this.memo.delete(path);
    await rm(path, { force: true });
  }

  /** The names in `folder` (none when it does not exist yet). */
  async names(folder: string): Promise<string[]> {
    return readdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
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
