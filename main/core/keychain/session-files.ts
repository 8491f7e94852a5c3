import type { ProfileId } from '../profiles/profile-id.ts';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CrashHook } from '../crash-point.ts';
import { withFileLock } from '../profiles/file-lock.ts';
import { SealedFiles } from './sealed-files.ts';
import type { SecretStore } from './secret-store.ts';
import {
  CACHE_KEY_ACCOUNT,
  LAYOUT_MARKER,
  parseMarker,
  parseSessionFile,
  profileIdOfFile,
  SESSIONS_FOLDER,
  sessionFileName,
  type ProfileSessionFile,
} from './session-cache.ts';
import { rebuildLayout } from './vault-rebuild.ts';

/**
 * The sealed session files of the config folder (one per profile, and the layout marker) with the cache key that opens
 * them. The key is read from the keychain once per process; on first use, or when files no longer open (their key was
 * deleted), the layout is rebuilt from a keychain listing (vault-rebuild.ts).
 */
export class SessionFiles {
  private readonly store: SecretStore;
  private readonly folder: string;
  private readonly crash: CrashHook;
  private readonly sealed = new SealedFiles();
  /** The cache key once read: later reads of this process cost no keychain read. */
  private key: string | undefined;
  /** Trash this process has deleted, dropped from a file at its next commit. */
  readonly emptied = new Set<string>();

  constructor(store: SecretStore, configDir: string, crash: CrashHook) {
    this.store = store;
    this.folder = join(configDir, SESSIONS_FOLDER);
    this.crash = crash;
  }

  /** A profile's file; undefined when it has none. */
  async read(profileId: string): Promise<ProfileSessionFile | undefined> {
    const read = await this.sealed.read(this.pathOf(profileId), this.keys, parseSessionFile);
    if (read.kind === 'ok') {
      this.key = read.key;
      return read.value;
    }
    if (read.kind === 'missing' && (await this.layoutReady())) return undefined;
    await this.rebuildOnce();
    const again = await this.sealed.read(this.pathOf(profileId), this.keys, parseSessionFile);
    return again.kind === 'ok' ? again.value : undefined;
  }

  /** Replaces a profile's file (fsynced unless `durable` is false). Call after read(), which gave this process the key. */
  async write(profileId: string, file: ProfileSessionFile, durable: boolean): Promise<void> {
    if (!this.key) throw new Error('the session files have no key');
    await this.sealed.write(this.pathOf(profileId), file, this.key, durable);
  }

  /** Runs `work` under the lock of a profile's file, which every process that writes it takes. */
  async locked<T>(profileId: string, work: () => Promise<T>): Promise<T> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    return withFileLock(this.pathOf(profileId), work);
  }

  /** The ids of the profiles that have a file (the layout made ready first). */
  async profileIds(): Promise<ProfileId[]> {
    if (!(await this.layoutReady())) await this.rebuildOnce();
    return (await this.sealed.names(this.folder))
      .map(profileIdOfFile)
      .filter((id): id is ProfileId => id !== undefined);
  }

  private pathOf(profileId: string): string {
    return join(this.folder, sessionFileName(profileId));
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

  /** True when the keychain has been moved to this layout and the marker opens with the cache key. */
  private async layoutReady(): Promise<boolean> {
    const read = await this.sealed.read(join(this.folder, LAYOUT_MARKER), this.keys, parseMarker);
    if (read.kind === 'ok') this.key = read.key;
    return read.kind === 'ok';
  }

  /** Rebuilds the layout from a keychain listing, once, under the marker's lock (another process may be doing it too). */
  private async rebuildOnce(): Promise<void> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    await withFileLock(join(this.folder, LAYOUT_MARKER), async () => {
      if ((await this.layoutReady()) && !(await this.anyUnopenable())) return;
      this.key = await rebuildLayout({
        store: this.store,
        files: this.sealed,
        folder: this.folder,
        emptied: this.emptied,
        crash: this.crash,
      });
    });
  }

  private async anyUnopenable(): Promise<boolean> {
    for (const name of await this.sealed.names(this.folder)) {
      if (
        profileIdOfFile(name) !== undefined &&
        (await this.sealed.read(join(this.folder, name), this.keys, parseSessionFile)).kind === 'unopenable'
      )
        return true;
    }
    return false;
  }
}
