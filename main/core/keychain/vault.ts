import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { crashPoint } from '../crash-point.ts';
import { withFileLock } from '../profiles/file-lock.ts';
import type { TokenSet } from '../tokens/token-set.ts';
import { assertFitsOneItem } from './item-limit.ts';
import { parseRefreshItemAccount, refreshItemAccounts, type RefreshTokenPlace } from './refresh-token-items.ts';
import { SealedFiles } from './sealed-files.ts';
import type { SecretStore } from './secret-store.ts';
import { LAYOUT_MARKER, parseMarker, parseSessionFile, profileIdOfFile, SESSIONS_FOLDER, sessionFileName, type ProfileSessionFile } from './session-cache.ts';
import { rebuildLayout, writeRefreshToken } from './vault-rebuild.ts';

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
const SWEEP_DELAY_MS = 60_000;

/**
 * The app's typed view of its secrets. Each refresh token stays in the OS keychain, in items of at most 2,560 bytes
 * named by a generation; a profile's access and ID tokens, expiries and current generation live in its own AES-256-GCM
 * file in the config folder, sealed with a key that is one keychain item. Replacing that file is the commit point of
 * every write, so a crash leaves the previous or the new session, never a mix. Client secrets and devices are one
 * item each.
 */
export class Vault {
  private readonly store: SecretStore;
  private readonly folder: string;
  private readonly files = new SealedFiles();
  private readonly listeners = new Set<SessionChangeListener>();
  /** The cache key once read: later reads of this process cost no keychain read. */
  private key: string | undefined;
  /** Trash this process has deleted, dropped from a file at its next commit. */
  private readonly emptied = new Set<string>();
  private sweepScheduled = false;

  constructor(store: SecretStore, configDir: string) {
    this.store = store;
    this.folder = join(configDir, SESSIONS_FOLDER);
  }

  /** Subscribes to session changes (the refresh scheduler follows sign-ins and sign-outs this way); returns the unsubscribe. */
  onSessionChange(listener: SessionChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The stored session of a profile with its refresh token (its file, plus the token's items). */
  async session(profileId: string): Promise<TokenSet | undefined> {
    for (let attempt = 0; ; attempt++) {
      const cached = (await this.readProfile(profileId))?.session;
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
    const cached = (await this.readProfile(profileId))?.session;
    if (!cached) return undefined;
    const { refresh: _refresh, ...tokens } = cached;
    return tokens;
  }

  /** Stores a session: new refresh-token items first, then the profile's file naming them (the commit), then the old items go. */
  async saveSession(profileId: string, tokens: TokenSet): Promise<void> {
    crashPoint('session-save-started');
    const { refreshToken, ...rest } = tokens;
    const digest = refreshToken === undefined ? undefined : createHash('sha256').update(refreshToken).digest('base64url');
    const current = (await this.readProfile(profileId))?.session?.refresh;
    // An unchanged refresh token (no rotation) keeps its items: a refresh then writes the file only.
    let place: (RefreshTokenPlace & { digest: string }) | undefined = current && current.digest === digest ? current : undefined;
    for (;;) {
      if (refreshToken !== undefined && digest !== undefined && !place) place = { ...(await writeRefreshToken(this.store, profileId, refreshToken)), digest };
      const kept = place;
      const committed = await this.commit(profileId, (file) => {
        const before = file.session?.refresh;
        if (kept && kept === current && before?.generation !== kept.generation) return undefined;
        const trash = before && before.generation !== kept?.generation ? refreshItemAccounts(profileId, before) : [];
        return { version: 2, session: { ...rest, ...(kept ? { refresh: kept } : {}) }, trash: [...file.trash, ...trash] };
      });
      if (committed) break;
      place = undefined; // another process replaced the items we meant to keep: write our own
    }
    this.notify(profileId, summaryOf(tokens));
  }

  /** Forgets a profile's session: its file without it is committed first, then its refresh-token items go. */
  async deleteSession(profileId: string): Promise<void> {
    await this.commit(profileId, (file) => ({ version: 2, trash: [...file.trash, ...(file.session?.refresh ? refreshItemAccounts(profileId, file.session.refresh) : [])] }), 'forget-committed');
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

  /** Every profile's session summary: one keychain read (the cache key) at most, whatever their number. */
  async allProfileSecrets(): Promise<Map<string, ProfileSecrets>> {
    if (!(await this.layoutReady())) await this.rebuildOnce();
    const result = new Map<string, ProfileSecrets>();
    for (const name of await this.files.names(this.folder)) {
      const profileId = profileIdOfFile(name);
      const session = profileId === undefined ? undefined : (await this.readProfile(profileId))?.session;
      if (profileId !== undefined && session) result.set(profileId, { session: { expiresAt: session.expiresAt, issuedAt: session.issuedAt, hasRefreshToken: session.refresh !== undefined } });
    }
    return result;
  }

  /**
   * Deletes refresh-token items no session names (left by a process killed before its commit), once they are old
   * enough that no commit can still be under way. Lists the keychain: for the app to run now and then, not `ctm`.
   */
  async sweepOrphans(now = Date.now()): Promise<number> {
    const listing = await this.store.all();
    let removed = 0;
    for (const account of listing.keys()) {
      const parsed = parseRefreshItemAccount(account);
      if (!parsed || now - generationTime(parsed.place.generation) < ORPHAN_AGE_MS) continue;
      if ((await this.readProfile(parsed.profileId))?.session?.refresh?.generation === parsed.place.generation) continue;
      if (await this.store.delete(account)) removed += 1;
    }
    return removed;
  }

  /**
   * A long-running process (the app) sweeps orphans once, a minute after its first write; the timer does not keep a
   * process alive, so a short one (`ctm`) never lists the keychain for it.
   */
  private sweepLater(): void {
    if (this.sweepScheduled) return;
    this.sweepScheduled = true;
    setTimeout(() => void this.sweepOrphans().catch(() => undefined), SWEEP_DELAY_MS).unref();
  }

  /** The cache key: the one this process holds first, the keychain's if that one does not open a file (another process re-keyed). */
  private readonly keys = (): AsyncIterable<string> => {
    const remembered = this.key;
    const store = this.store;
    return (async function* keys() {
      if (remembered) yield remembered;
      const stored = await store.get(CACHE_KEY_ACCOUNT);
      if (stored && stored !== remembered) yield stored;
    })();
  };

  private pathOf(profileId: string): string {
    return join(this.folder, sessionFileName(profileId));
  }

  /** A profile's file; on first use, or when files cannot be opened (their key is gone), the layout is rebuilt first. */
  private async readProfile(profileId: string): Promise<ProfileSessionFile | undefined> {
    const read = await this.files.read(this.pathOf(profileId), this.keys, parseSessionFile);
    if (read.kind === 'ok') {
      this.key = read.key;
      return read.value;
    }
    if (read.kind === 'missing' && (await this.layoutReady())) return undefined;
    await this.rebuildOnce();
    const again = await this.files.read(this.pathOf(profileId), this.keys, parseSessionFile);
    return again.kind === 'ok' ? again.value : undefined;
  }

  /** True when the keychain has been moved to this layout and the marker opens with the cache key. */
  private async layoutReady(): Promise<boolean> {
    const read = await this.files.read(join(this.folder, LAYOUT_MARKER), this.keys, parseMarker);
    if (read.kind === 'ok') this.key = read.key;
    return read.kind === 'ok';
  }

  /** Rebuilds the layout from a keychain listing (see vault-rebuild.ts), once, under the marker's lock. */
  private async rebuildOnce(): Promise<void> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    await withFileLock(join(this.folder, LAYOUT_MARKER), async () => {
      if (await this.layoutReady()) {
        const names = await this.files.names(this.folder);
        const unopenable = await Promise.all(names.map(async (name) => profileIdOfFile(name) !== undefined && (await this.files.read(join(this.folder, name), this.keys, parseSessionFile)).kind === 'unopenable'));
        if (!unopenable.includes(true)) return;
      }
      this.key = await rebuildLayout({ store: this.store, files: this.files, folder: this.folder, emptied: this.emptied });
    });
  }

  /** Replaces a profile's file with what `change` makes of it (undefined: nothing to do), under its lock; then empties the trash. */
  private async commit(profileId: string, change: (file: ProfileSessionFile) => ProfileSessionFile | undefined, after: 'session-committed' | 'forget-committed' = 'session-committed'): Promise<boolean> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const trash = await withFileLock(this.pathOf(profileId), async () => {
      const current = (await this.readProfile(profileId)) ?? { version: 2, trash: [] };
      const next = change(current);
      if (!next) return undefined;
      next.trash = [...new Set(next.trash)].filter((account) => !this.emptied.has(account));
      // readProfile() found the layout ready (or rebuilt it), which gave this process the key.
      if (!this.key) throw new Error('the session files have no key');
      // Only new access and ID tokens (the same generation, nothing to delete) may be lost in a power cut: the old file
      // names the same refresh token, which renews them again. Anything else is fsynced before its old items go.
      const cacheOnly = next.trash.length === 0 && current.session?.refresh?.generation === next.session?.refresh?.generation && current.session !== undefined && next.session !== undefined;
      await this.files.write(this.pathOf(profileId), next, this.key, !cacheOnly);
      return next.trash;
    });
    if (!trash) return false;
    this.sweepLater();
    crashPoint(after);
    for (const account of trash) {
      try {
        await this.store.delete(account);
        this.emptied.add(account);
      } catch {
        /* still in the file's trash: the next commit tries again */
      }
    }
    if (after === 'session-committed') crashPoint('session-stored');
    return true;
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
