import { readFile } from 'node:fs/promises';
import type { TokenSet } from '../tokens/token-set.ts';
import type { RefreshTokenPlace } from './refresh-token-items.ts';

/** One profile's session as the encrypted cache holds it: everything but the refresh token, which stays in the keychain. */
export interface CachedSession extends Omit<TokenSet, 'refreshToken'> {
  /** Where the refresh token is (absent: the session has none), and a SHA-256 of it to notice an unchanged one. */
  refresh?: RefreshTokenPlace & { digest: string };
}

/** The decrypted cache file. */
export interface SessionCache {
  version: 2;
  sessions: Record<string, CachedSession>;
  /** Keychain accounts no longer named by any session, deleted after the commit (again by the next one, if a crash came between). */
  trash: string[];
}

/** The name of the encrypted cache in the config folder. */
export const CACHE_FILE = 'sessions.cache';

/** An empty cache. */
export function emptyCache(): SessionCache {
  return { version: 2, sessions: {}, trash: [] };
}

/** The sealed file's bytes, or undefined when there is none yet. */
export async function readSealedCache(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Reads decrypted text back into a cache; undefined when it is not one (a newer or broken format). */
export function parseCache(text: string): SessionCache | undefined {
  try {
    const value = JSON.parse(text) as Partial<SessionCache>;
    if (value.version !== 2 || typeof value.sessions !== 'object' || value.sessions === null || !Array.isArray(value.trash)) return undefined;
    return value as SessionCache;
  } catch {
    return undefined;
  }
}
