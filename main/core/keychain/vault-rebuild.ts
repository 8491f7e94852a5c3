import { join } from 'node:path';
import type { CrashHook } from '../crash-point.ts';
import { legacySessions, LEGACY_SESSION_PREFIX } from './legacy-layout.ts';
import {
  newestRefreshTokens,
  refreshItemAccounts,
  refreshTokenDigest,
  writeRefreshToken,
} from './refresh-token-items.ts';
import type { SealedFiles } from './sealed-files.ts';
import type { SecretStore } from './secret-store.ts';
import { newCacheKey } from './session-cache-crypto.ts';
import {
  CACHE_KEY_ACCOUNT,
  LAYOUT_MARKER,
  parseSessionFile,
  profileIdOfFile,
  sessionFileName,
  type ProfileSessionFile,
} from './session-cache.ts';
import { emptyTrash } from './trash.ts';

/**
 * First use, or files that no longer open (their key was deleted): lists the keychain once and rebuilds the layout;
 * returns the cache key. Sessions of 0.1.0 (`session:<id>`, all three tokens in one item) move to the new layout,
 * their old items in the file's trash, deleted only after the commit. Files that still open are kept; a refresh token
 * whose file is lost is kept too (its access token is gone, so it refreshes on next use). The marker is written last:
 * until it is, the next process rebuilds again. Runs under the marker's lock.
 */
export async function rebuildLayout(parts: {
  store: SecretStore;
  files: SealedFiles;
  folder: string;
  emptied: Set<string>;
  crash: CrashHook;
}): Promise<string> {
  const { store, files, folder, crash } = parts;
  const listing = await store.all();
  const key = listing.get(CACHE_KEY_ACCOUNT) ?? newCacheKey();
  if (!listing.has(CACHE_KEY_ACCOUNT)) await store.set(CACHE_KEY_ACCOUNT, key);
  const keys = async function* keys(): AsyncIterable<string> {
    yield key;
  };
  const recovered = newestRefreshTokens(listing);
  const legacy = legacySessions(listing);
  const trash: string[] = [];
  for (const profileId of new Set([...recovered.keys(), ...legacy.keys()])) {
    const path = join(folder, sessionFileName(profileId));
    const existing = await files.read(path, keys, parseSessionFile);
    const old = legacy.get(profileId);
    if (existing.kind === 'ok' && !old) continue;
    let next: ProfileSessionFile;
    if (old) {
      const { refreshToken, ...rest } = old;
      const place =
        refreshToken === undefined ? undefined : await writeRefreshToken(store, profileId, refreshToken, crash);
      const replaced =
        existing.kind === 'ok' && existing.value.session?.refresh
          ? refreshItemAccounts(profileId, existing.value.session.refresh)
          : [];
      next = {
        version: 2,
        session: { ...rest, ...(place ? { refresh: place } : {}) },
        trash: [LEGACY_SESSION_PREFIX + profileId, ...replaced],
      };
    } else {
      const found = recovered.get(profileId);
      if (!found) continue;
      next = {
        version: 2,
        session: {
          accessToken: '',
          tokenType: 'Bearer',
          expiresAt: 0,
          issuedAt: 0,
          refresh: { ...found.place, digest: refreshTokenDigest(found.token) },
        },
        trash: [],
      };
    }
    await files.write(path, next, key);
    trash.push(...next.trash);
  }
  // Files that open with no key and name no item the keychain still has: nothing left to recover.
  for (const name of await files.names(folder)) {
    const profileId = profileIdOfFile(name);
    if (
      profileId !== undefined &&
      !recovered.has(profileId) &&
      !legacy.has(profileId) &&
      (await files.read(join(folder, name), keys, parseSessionFile)).kind === 'unopenable'
    )
      await files.remove(join(folder, name));
  }
  await files.write(join(folder, LAYOUT_MARKER), { version: 2 }, key);
  crash('cache-rebuilt');
  await emptyTrash(store, trash, parts.emptied);
  return key;
}
