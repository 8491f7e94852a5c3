import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { writeFileAtomic } from '../profiles/atomic-write.ts';
import { withFileLock } from '../profiles/file-lock.ts';
import { crashPoint } from '../crash-point.ts';
import type { TokenSet } from '../tokens/token-set.ts';
import { assertFitsOneItem } from './item-limit.ts';
import { legacySessions, LEGACY_SESSION_PREFIX } from './legacy-layout.ts';
import { newestRefreshTokens, newGeneration, parseRefreshItemAccount, refreshItemAccount, refreshItemAccounts, refreshTokenPieces, type RefreshTokenPlace } from './refresh-token-items.ts';
import { newCacheKey, openCache, sealCache } from './session-cache-crypto.ts';
import { CACHE_FILE, emptyCache, parseCache, readSealedCache, type CachedSession, type SessionCache } from './session-cache.ts';
import type { SecretStore } from './secret-store.ts';

/** A device Cognito remembers for a user (ConfirmDevice): sent as DEVICE_KEY on sign-in and refresh. */
export interface RememberedDevice {
  deviceKey: string;
  deviceGroupKey: string;
  devicePassword: string;
}

/** What the app shows and plans with for a session, read without touching its refresh token. */
export interface SessionSummary {
  expiresAt: number;
  issuedAt: number;
  hasRefreshToken: boolean;
}

/** The summary of a token set. */
export function summaryOf(tokens: TokenSet): SessionSummary {
  return { expiresAt: tokens.expiresAt, issuedAt: tokens.issuedAt, hasRefreshToken: tokens.refreshToken !== undefined };
}

/** Everything the vault knows about one profile from one read of the cache (no refresh token is read). */
export interface ProfileSecrets {
  session?: SessionSummary;
}

/** Told after a session is stored (`session`) or removed (undefined), whoever did it: sign-in, refresh, sign-out. */
export type SessionChangeListener = (profileId: string, session: SessionSummary | undefined) => void;

/** The keychain item holding the key of the encrypted cache. */
export const CACHE_KEY_ACCOUNT = 'cache-key';
const CLIENT_SECRET = 'client-secret:';
const DEVICE = 'device:';
/** An unnamed generation younger than this may belong to a commit still under way in another process: never swept. */
const ORPHAN_AGE_MS = 10 * 60_000;

/**
 * The app's typed view of its secrets. Each refresh token stays in the OS keychain, in items of at most 2,560 bytes
 * named by a generation; access and ID tokens, expiries and which generation is current live in one AES-256-GCM
 * file in the config folder, whose key is one keychain item. Replacing that file is the commit point of every write,
 * so a crash leaves the previous or the new session, never a mix. Client secrets and devices are one item each.
 */
export class Vault {
  private readonly store: SecretStore;
  private readonly path: string;
  private readonly listeners = new Set<SessionChangeListener>();
  /** The cache key once read: the cached path of `ctm token` then costs no keychain read after the first. */
  private key: string | undefined;
  /** Trash this process has deleted, dropped from the file at its next commit. */
  private readonly emptied = new Set<string>();
  /** Commits queued while one is being written: they go to disk together (one file write for several sessions). */
  private queue: { change: (cache: SessionCache) => void; done: (error?: unknown) => void }[] = [];
  private writing: Promise<void> | undefined;
  /** What the last commit put in the trash, to delete now that the commit is on disk. */
  private trash: string[] = [];

  constructor(store: SecretStore, configDir: string) {
    this.store = store;
    this.path = join(configDir, CACHE_FILE);
  }

  /** Subscribes to session changes (the refresh scheduler follows sign-ins and sign-outs this way); returns the unsubscribe. */
  onSessionChange(listener: SessionChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The stored session of a profile with its refresh token (one cache read plus the token's items). */
  async session(profileId: string): Promise<TokenSet | undefined> {
    for (let attempt = 0; ; attempt++) {
      const cached = (await this.load()).sessions[profileId];
      if (!cached) return undefined;
      const { refresh, ...tokens } = cached;
      if (!refresh) return tokens;
      const pieces = await Promise.all(refreshItemAccounts(profileId, refresh).map((account) => this.store.get(account)));
      if (pieces.every((piece) => piece !== undefined)) return { ...tokens, refreshToken: pieces.join('') };
      // Another process committed a newer generation and removed this one between the two reads: read again.
      if (attempt === 1) return tokens;
    }
  }

  /** The access and ID tokens of a profile without its refresh token: one keychain read (the cache key) at most. */
  async cachedTokens(profileId: string): Promise<Omit<TokenSet, 'refreshToken'> | undefined> {
    const cached = (await this.load()).sessions[profileId];
    if (!cached) return undefined;
    const { refresh: _refresh, ...tokens } = cached;
    return tokens;
  }

  /** Stores a session: new refresh-token items first, then the cache naming them (the commit), then the old items go. */
  async saveSession(profileId: string, tokens: TokenSet): Promise<void> {
    crashPoint('session-save-started');
    const { refreshToken, ...rest } = tokens;
    const digest = refreshToken === undefined ? undefined : createHash('sha256').update(refreshToken).digest('base64url');
    const current = (await this.load()).sessions[profileId]?.refresh;
    // An unchanged refresh token (no rotation) keeps its items: a refresh then writes the file only.
    let place: (RefreshTokenPlace & { digest: string }) | undefined = current && current.digest === digest ? current : undefined;
    for (;;) {
      if (refreshToken !== undefined && digest !== undefined && !place) place = { ...(await this.writeRefreshToken(profileId, refreshToken)), digest };
      const reused = place;
      let stale = false;
      await this.commit((cache) => {
        const before = cache.sessions[profileId]?.refresh;
        if (reused && reused === current && before?.generation !== reused.generation) return void (stale = true);
        cache.sessions[profileId] = { ...rest, ...(reused ? { refresh: reused } : {}) };
        if (before && before.generation !== reused?.generation) cache.trash.push(...refreshItemAccounts(profileId, before));
      });
      if (!stale) break;
      place = undefined; // another process replaced the items we meant to keep: write our own
    }
    crashPoint('session-committed');
    await this.emptyTrash();
    crashPoint('session-stored');
    this.notify(profileId, summaryOf(tokens));
  }

  /** Forgets a profile's session: the cache without it is committed first, then its refresh-token items go. */
  async deleteSession(profileId: string): Promise<void> {
    await this.commit((cache) => {
      const { [profileId]: before, ...others } = cache.sessions;
      cache.sessions = others;
      if (before?.refresh) cache.trash.push(...refreshItemAccounts(profileId, before.refresh));
    });
    crashPoint('forget-committed');
    await this.emptyTrash();
    this.notify(profileId, undefined);
  }

  /** The client secret of a confidential app client. */
  async clientSecret(profileId: string): Promise<string | undefined> {
    return this.store.get(CLIENT_SECRET + profileId);
  }

  /** Stores a client secret (one item; Cognito's are 51 characters, far below the item limit). */
  async saveClientSecret(profileId: string, secret: string): Promise<void> {
    assertFitsOneItem('client secret', secret);
    await this.store.set(CLIENT_SECRET + profileId, secret);
  }

  /** The device remembered for a user of a pool. */
  async device(userPoolId: string, userId: string): Promise<RememberedDevice | undefined> {
    const text = await this.store.get(`${DEVICE}${userPoolId}:${userId}`);
    if (!text) return undefined;
    try {
      return JSON.parse(text) as RememberedDevice;
    } catch {
      return undefined;
    }
  }

  /** Remembers a device for a user of a pool (one item of about 200 bytes). */
  async saveDevice(userPoolId: string, userId: string, device: RememberedDevice): Promise<void> {
    const text = JSON.stringify(device);
    assertFitsOneItem('remembered device', text);
    await this.store.set(`${DEVICE}${userPoolId}:${userId}`, text);
  }

  /** Forgets a remembered device. */
  async deleteDevice(userPoolId: string, userId: string): Promise<void> {
    await this.store.delete(`${DEVICE}${userPoolId}:${userId}`);
  }

  /** Removes every secret of a profile (its session and client secret). */
  async forgetProfile(profileId: string): Promise<void> {
    await this.deleteSession(profileId);
    await this.store.delete(CLIENT_SECRET + profileId);
  }

  /** Every profile's session summary from one read of the cache: one keychain read at most, whatever their number. */
  async allProfileSecrets(): Promise<Map<string, ProfileSecrets>> {
    const cache = await this.load();
    return new Map(Object.entries(cache.sessions).map(([id, s]) => [id, { session: { expiresAt: s.expiresAt, issuedAt: s.issuedAt, hasRefreshToken: s.refresh !== undefined } }]));
  }

  /**
   * Deletes refresh-token items no session names (left by a process killed before its commit), once they are old
   * enough that no commit can still be under way. Lists the keychain: for the app to run now and then, not `ctm`.
   */
  async sweepOrphans(now = Date.now()): Promise<number> {
    const listing = await this.store.all();
    const cache = await this.load();
    let removed = 0;
    for (const account of listing.keys()) {
      const parsed = parseRefreshItemAccount(account);
      if (!parsed || cache.sessions[parsed.profileId]?.refresh?.generation === parsed.place.generation) continue;
      if (now - generationTime(parsed.place.generation) < ORPHAN_AGE_MS) continue;
      if (await this.store.delete(account)) removed += 1;
    }
    return removed;
  }

  /** The cache: decrypted with the key from the keychain; rebuilt from the keychain when there is none or it cannot be opened. */
  private async load(): Promise<SessionCache> {
    const cache = (await this.open()) ?? (await withFileLock(this.path, async () => (await this.open()) ?? this.rebuild()));
    // Trash left by a process killed between its commit and its deletes (rare): deleted now, by whoever reads first.
    if (cache.trash.some((account) => !this.emptied.has(account))) {
      this.trash = [...cache.trash];
      await this.emptyTrash();
    }
    return cache;
  }

  /** The cache if it exists and opens with the keychain's key; undefined otherwise (a failing keychain throws). */
  private async open(): Promise<SessionCache | undefined> {
    const sealed = await readSealedCache(this.path);
    if (!sealed) return undefined;
    const text = (this.key ? openCache(this.key, sealed) : undefined) ?? (await this.openWithStoredKey(sealed));
    return text === undefined ? undefined : parseCache(text);
  }

  private async openWithStoredKey(sealed: Buffer): Promise<string | undefined> {
    const key = await this.store.get(CACHE_KEY_ACCOUNT);
    if (!key) return undefined;
    const text = openCache(key, sealed);
    if (text !== undefined) this.key = key;
    return text;
  }

  /**
   * First use, or the cache is gone or unreadable (its key was deleted): lists the keychain once and rebuilds it.
   * Sessions of 0.1.0 (`session:<id>`, all three tokens in one item) move to the new layout, their old items deleted
   * only after the commit; refresh tokens already in the new layout are kept (their access tokens are gone, so they
   * refresh on next use). Runs under the file lock.
   */
  private async rebuild(): Promise<SessionCache> {
    const listing = await this.store.all();
    const cache = emptyCache();
    for (const [profileId, found] of newestRefreshTokens(listing)) {
      const digest = createHash('sha256').update(found.token).digest('base64url');
      cache.sessions[profileId] = { accessToken: '', tokenType: 'Bearer', expiresAt: 0, issuedAt: 0, refresh: { ...found.place, digest } };
    }
    for (const [profileId, legacy] of legacySessions(listing)) {
      const { refreshToken, ...rest } = legacy;
      const entry: CachedSession = { ...rest };
      if (refreshToken !== undefined) {
        const place = await this.writeRefreshToken(profileId, refreshToken);
        entry.refresh = { ...place, digest: createHash('sha256').update(refreshToken).digest('base64url') };
      }
      cache.sessions[profileId] = entry;
      cache.trash.push(LEGACY_SESSION_PREFIX + profileId);
    }
    const key = listing.get(CACHE_KEY_ACCOUNT) ?? newCacheKey();
    if (!listing.has(CACHE_KEY_ACCOUNT)) await this.store.set(CACHE_KEY_ACCOUNT, key);
    this.key = key;
    await this.write(cache);
    crashPoint('cache-rebuilt');
    await this.emptyTrash();
    return cache;
  }

  /** Writes a refresh token's items under a new generation (not yet named by the cache, so invisible until the commit). */
  private async writeRefreshToken(profileId: string, refreshToken: string): Promise<RefreshTokenPlace> {
    const pieces = refreshTokenPieces(refreshToken);
    const place = { generation: newGeneration(), pieces: pieces.length };
    for (const [index, piece] of pieces.entries()) {
      await this.store.set(refreshItemAccount(profileId, place, index), piece);
      crashPoint('refresh-item-written');
    }
    return place;
  }

  /** Applies a change to the cache on disk under the file lock; changes queued meanwhile share the next write. */
  private commit(change: (cache: SessionCache) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ change, done: (error) => (error === undefined ? resolve() : reject(error)) });
      this.writing ??= this.drain().finally(() => (this.writing = undefined));
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        await withFileLock(this.path, async () => {
          const cache = (await this.open()) ?? (await this.rebuild());
          for (const { change } of batch) change(cache);
          await this.write(cache);
        });
        for (const { done } of batch) done();
      } catch (error) {
        for (const { done } of batch) done(error ?? new Error('commit failed'));
      }
    }
  }

  private async write(cache: SessionCache): Promise<void> {
    cache.trash = [...new Set(cache.trash)].filter((account) => !this.emptied.has(account));
    // open() or rebuild() set the key before any write.
    if (!this.key) throw new Error('the session cache has no key');
    await writeFileAtomic(this.path, sealCache(this.key, JSON.stringify(cache)));
    this.trash = cache.trash;
  }

  /** Deletes what the last commit put in the trash; a failure leaves it there for the next commit to retry. */
  private async emptyTrash(): Promise<void> {
    for (const account of this.trash.splice(0)) {
      if (this.emptied.has(account)) continue;
      try {
        await this.store.delete(account);
        this.emptied.add(account);
      } catch {
        /* still named in the file's trash: the next commit tries again */
      }
    }
  }

  private notify(profileId: string, session: SessionSummary | undefined): void {
    // A listener's failure must not turn a stored session into a failed save.
    for (const listener of this.listeners) {
      try {
        listener(profileId, session);
      } catch {
        /* the listener logs its own problems */
      }
    }
  }
}

function generationTime(generation: string): number {
  return parseInt(generation.slice(0, 9), 36);
}
