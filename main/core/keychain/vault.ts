import type { ProfileId } from '../profiles/profile-id.ts';
import { noCrash, type CrashHook } from '../crash-point.ts';
import type { TokenSet } from '../tokens/token-set.ts';
import { ClientSecrets } from './client-secrets.ts';
import { sweepOrphanItems } from './orphan-sweep.ts';
import {
  refreshItemAccounts,
  refreshTokenDigest,
  writeRefreshToken,
  type StoredRefreshToken,
} from './refresh-token-items.ts';
import { RememberedDevices } from './remembered-devices.ts';
import type { SecretStore } from './secret-store.ts';
import type { CachedSession, ProfileSessionFile } from './session-cache.ts';
import { SessionFiles } from './session-files.ts';
import { emptyTrash } from './trash.ts';

export { CACHE_KEY_ACCOUNT } from './session-cache.ts';
export type { RememberedDevice } from './remembered-devices.ts';

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
export type SessionChangeListener = (profileId: ProfileId, session: SessionSummary | undefined) => void;

/** What a vault may be given besides the keychain and the config folder. */
export interface VaultOptions {
  /** Called at each step of a write, so crash tests can kill the process there (main/core/crash-point.ts). */
  crash?: CrashHook;
}

/**
 * The app's secrets, in three parts. Sessions (here): each refresh token stays in the keychain, in items of at most
 * 2,560 bytes named by a generation; the access and ID tokens, expiries and that generation live in the profile's
 * sealed file (session-files.ts). Replacing that file is the commit point of every write, so a crash leaves the
 * previous or the new session, never a mix; items the file no longer names are trash, deleted after the commit.
 * Client secrets and remembered devices are one keychain item each (client-secrets.ts, remembered-devices.ts).
 */
export class Vault {
  readonly clientSecrets: ClientSecrets;
  readonly devices: RememberedDevices;
  private readonly store: SecretStore;
  private readonly files: SessionFiles;
  private readonly crash: CrashHook;
  private readonly listeners = new Set<SessionChangeListener>();

  constructor(store: SecretStore, configDir: string, options: VaultOptions = {}) {
    this.store = store;
    this.crash = options.crash ?? noCrash;
    this.files = new SessionFiles(store, configDir, this.crash);
    this.clientSecrets = new ClientSecrets(store);
    this.devices = new RememberedDevices(store);
  }

  /** Subscribes to session changes (the refresh scheduler follows sign-ins and sign-outs this way); returns the unsubscribe. */
  onSessionChange(listener: SessionChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The stored session of a profile with its refresh token (its file, plus the token's items). */
  async session(profileId: ProfileId): Promise<TokenSet | undefined> {
    const first = await this.withRefreshToken(profileId);
    if (first.complete) return first.session;
    // Another process committed a newer generation and removed this one between the two reads: read once more.
    return (await this.withRefreshToken(profileId)).session;
  }

  /** The access and ID tokens of a profile without its refresh token: one keychain read (the cache key) at most. */
  async cachedTokens(profileId: ProfileId): Promise<Omit<TokenSet, 'refreshToken'> | undefined> {
    const cached = (await this.files.read(profileId))?.session;
    if (!cached) return undefined;
    const { refresh: _refresh, ...tokens } = cached;
    return tokens;
  }

  /** Stores a session: new refresh-token items first, then the profile's file naming them (the commit), then the old items go. */
  async saveSession(profileId: ProfileId, tokens: TokenSet): Promise<void> {
    this.crash('session-save-started');
    const { refreshToken, ...rest } = tokens;
    const stored = (await this.files.read(profileId))?.session?.refresh;
    // An unchanged refresh token (no rotation) keeps its items, so a refresh writes the file only; unless another
    // process replaced them meanwhile, and then this one writes its own like any new token.
    const unchanged = refreshToken !== undefined && stored?.digest === refreshTokenDigest(refreshToken);
    if (!(unchanged && (await this.commitSession(profileId, rest, stored, { onlyIfStillNamed: true })))) {
      const written =
        refreshToken === undefined
          ? undefined
          : await writeRefreshToken(this.store, profileId, refreshToken, this.crash);
      await this.commitSession(profileId, rest, written);
    }
    this.notify(profileId, summaryOf(tokens));
  }

  /**
   * Records, once, the origin a session stored without one (by an older release), or with only part of it
   * (`storedOrigin`), was verified for. Writes nothing when the stored session changed since it was verified (another
   * access token or origin: another process renewed or signed in). The file's refresh token and its items stay.
   */
  async bindSession(
    profileId: ProfileId,
    verified: { accessToken: string; origin?: string | undefined },
    origin: string,
  ): Promise<void> {
    await this.commit(profileId, (file) =>
      file.session?.accessToken === verified.accessToken && file.session.origin === verified.origin
        ? { ...file, session: { ...file.session, origin } }
        : undefined,
    );
  }

  /** Forgets a profile's session: its file without it is committed first, then its refresh-token items go. */
  async deleteSession(profileId: ProfileId): Promise<void> {
    const trash = await this.commit(profileId, (file) => ({
      version: 2,
      trash: [...file.trash, ...itemsOf(profileId, file.session?.refresh)],
    }));
    this.crash('forget-committed');
    await emptyTrash(this.store, trash ?? [], this.files.emptied);
    this.notify(profileId, undefined);
  }

  /** Removes every secret of a profile (its session and client secret). */
  async forgetProfile(profileId: ProfileId): Promise<void> {
    await this.deleteSession(profileId);
    await this.clientSecrets.delete(profileId);
  }

  /** Every profile's session summary: one keychain read (the cache key) at most, whatever their number. */
  async allProfileSecrets(): Promise<Map<ProfileId, ProfileSecrets>> {
    const result = new Map<ProfileId, ProfileSecrets>();
    for (const profileId of await this.files.profileIds()) {
      const session = (await this.files.read(profileId))?.session;
      if (session)
        result.set(profileId, {
          session: {
            expiresAt: session.expiresAt,
            issuedAt: session.issuedAt,
            hasRefreshToken: session.refresh !== undefined,
          },
        });
    }
    return result;
  }

  /**
   * Deletes refresh-token items no session names (left by a process killed before its commit) once they are old
   * enough that no commit can still be under way. Lists the keychain: the app schedules it (orphan-sweep.ts), `ctm` never.
   */
  sweepOrphans(now = Date.now()): Promise<number> {
    return sweepOrphanItems(
      this.store,
      async (profileId) => (await this.files.read(profileId))?.session?.refresh?.generation,
      now,
    );
  }

  /** The session with its refresh token joined from its items; not `complete` (and without it) when an item is gone. */
  private async withRefreshToken(profileId: string): Promise<{ session: TokenSet | undefined; complete: boolean }> {
    const cached = (await this.files.read(profileId))?.session;
    if (!cached) return { session: undefined, complete: true };
    const { refresh, ...tokens } = cached;
    if (!refresh) return { session: tokens, complete: true };
    const pieces = await Promise.all(refreshItemAccounts(profileId, refresh).map((account) => this.store.get(account)));
    if (pieces.some((piece) => piece === undefined)) return { session: tokens, complete: false };
    return { session: { ...tokens, refreshToken: pieces.join('') }, complete: true };
  }

  /**
   * Commits a session naming `refresh` (or no refresh token); the items of the one it replaces become trash. With
   * `onlyIfStillNamed`, gives up (false) when the file no longer names `refresh`: another process replaced it.
   */
  private async commitSession(
    profileId: string,
    session: Omit<CachedSession, 'refresh'>,
    refresh: StoredRefreshToken | undefined,
    options: { onlyIfStillNamed?: boolean } = {},
  ): Promise<boolean> {
    const trash = await this.commit(profileId, (file) => {
      const before = file.session?.refresh;
      if (options.onlyIfStillNamed && before?.generation !== refresh?.generation) return undefined;
      const replaced = before && before.generation !== refresh?.generation ? itemsOf(profileId, before) : [];
      return {
        version: 2,
        session: { ...session, ...(refresh ? { refresh } : {}) },
        trash: [...file.trash, ...replaced],
      };
    });
    if (!trash) return false;
    this.crash('session-committed');
    await emptyTrash(this.store, trash, this.files.emptied);
    this.crash('session-stored');
    return true;
  }

  /**
   * Replaces a profile's file with what `change` makes of it, under its lock, and answers the trash to empty now;
   * undefined when `change` declined. Only new access and ID tokens (the same generation, nothing to delete) may be
   * lost in a power cut: the old file names the same refresh token, which renews them again. Anything else is fsynced
   * before its old items go.
   */
  private commit(
    profileId: string,
    change: (file: ProfileSessionFile) => ProfileSessionFile | undefined,
  ): Promise<string[] | undefined> {
    return this.files.locked(profileId, async () => {
      const current = (await this.files.read(profileId)) ?? { version: 2, trash: [] };
      const next = change(current);
      if (!next) return undefined;
      next.trash = [...new Set(next.trash)].filter((account) => !this.files.emptied.has(account));
      const tokensOnly =
        next.trash.length === 0 &&
        current.session !== undefined &&
        next.session !== undefined &&
        current.session.refresh?.generation === next.session.refresh?.generation;
      await this.files.write(profileId, next, !tokensOnly);
      return next.trash;
    });
  }

  private notify(profileId: ProfileId, session: SessionSummary | undefined): void {
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

/** The keychain items of a stored refresh token (none when there is none). */
function itemsOf(profileId: string, refresh: StoredRefreshToken | undefined): string[] {
  return refresh ? refreshItemAccounts(profileId, refresh) : [];
}
