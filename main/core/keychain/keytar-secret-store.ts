import { KeychainError } from '../errors.ts';
import { CallGate } from './call-gate.ts';
import type { SecretStore } from './secret-store.ts';
import { secretServiceLockProbe, type LockProbe } from './secret-service-lock.ts';

/** The part of keytar this store uses (tests pass a stand-in that never answers). */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}

/** The keychain service name every entry of the app is stored under. */
export const KEYCHAIN_SERVICE = 'cognito-token-manager';
const DEFAULT_TIMEOUT_MS = 10_000;
/** Calls that outlived their timeout and are still inside keytar, across every store of this process. */
let hungCalls = 0;

/** True while a keychain call that timed out is still hanging in keytar's native code (it holds a libuv worker thread). */
export function keychainCallStillHanging(): boolean {
  return hungCalls > 0;
}

/** One gate for every store on the real keytar: a listing must not overlap a write of ANY store of this process. */
const processGate = new CallGate();

/**
 * The real OS keychain through keytar (Keychain on macOS, Credential Manager on Windows, Secret Service on Linux).
 * Every call has a timeout. A call that timed out may still be hanging inside keytar (it holds one of libuv's few
 * worker threads): until it settles, further calls fail at once with the same message instead of piling up.
 */
export class KeytarSecretStore implements SecretStore {
  private keytar: KeytarLike | undefined;
  private readonly service: string;
  private readonly timeoutMs: number;
  private readonly isLocked: LockProbe;
  /** A call that outlived its timeout and has not settled yet. */
  private hung: Promise<unknown> | undefined;
  private readonly gate: CallGate;

  constructor(
    service = KEYCHAIN_SERVICE,
    timeoutMs = Number(process.env.CTM_KEYCHAIN_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS,
    seams: { keytar?: KeytarLike; lockProbe?: LockProbe } = {},
  ) {
    this.service = service;
    this.timeoutMs = timeoutMs;
    this.keytar = seams.keytar;
    this.gate = seams.keytar ? new CallGate() : processGate;
    this.isLocked = seams.lockProbe ?? secretServiceLockProbe(timeoutMs);
  }

  async get(account: string): Promise<string | undefined> {
    const found = await this.run('read', (k) => k.getPassword(this.service, account));
    // A locked Secret Service answers "not found": never mistake that for "nothing stored".
    if (found === null && (await this.isLocked()) === true) throw new KeychainError(lockedMessage('read'));
    return found ?? undefined;
  }

  async set(account: string, secret: string): Promise<void> {
    await this.run('write', (k) => k.setPassword(this.service, account, secret));
  }

  async delete(account: string): Promise<boolean> {
    return this.run('delete', (k) => k.deletePassword(this.service, account));
  }

  async all(): Promise<Map<string, string>> {
    // Listing a locked collection crashes keytar on Linux; ask first.
    if ((await this.isLocked()) === true) throw new KeychainError(lockedMessage('read'));
    // An entry removed while libsecret walks the list fails the whole listing ("No such secret item"): list again once.
    const list = (): Promise<{ account: string; password: string }[]> =>
      this.run('read', (k) => k.findCredentials(this.service), true);
    const found = await list().catch((error: unknown) => {
      if (
        error instanceof KeychainError &&
        /No such secret item/i.test(String((error.cause as Error | undefined)?.message))
      )
        return list();
      throw error;
    });
    return new Map(found.map((c) => [c.account, c.password]));
  }

  private async run<T>(what: string, call: (keytar: KeytarLike) => Promise<T>, listing = false): Promise<T> {
    const keytar = await this.load();
    return listing
      ? this.gate.exclusive(() => this.timed(what, keytar, call))
      : this.gate.shared(() => this.timed(what, keytar, call));
  }

  private async timed<T>(what: string, keytar: KeytarLike, call: (keytar: KeytarLike) => Promise<T>): Promise<T> {
    if (this.hung) throw new KeychainError(notAnsweringMessage(what, this.timeoutMs, true));
    const pending = call(keytar);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const hung = pending.then(
          () => undefined,
          () => undefined,
        );
        this.hung = hung;
        hungCalls += 1;
        void hung.then(() => {
          hungCalls -= 1;
          if (this.hung === hung) this.hung = undefined;
        });
        reject(new KeychainError(notAnsweringMessage(what, this.timeoutMs, false)));
      }, this.timeoutMs);
      timer.unref();
    });
    try {
      return await Promise.race([pending, timeout]);
    } catch (error) {
      if (error instanceof KeychainError) throw error;
      throw new KeychainError(describeKeychainFailure(what, error), { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  private async load(): Promise<KeytarLike> {
    if (this.keytar) return this.keytar;
    try {
      const loaded = (await import('keytar')) as KeytarLike & { default?: KeytarLike };
      this.keytar = loaded.default ?? loaded;
      return this.keytar;
    } catch (error) {
      // A host without libsecret (an AppImage on a minimal system) fails here, at the first keychain call, not at launch.
      if (/libsecret/i.test(String((error as Error | undefined)?.message)))
        throw new KeychainError(LIBSECRET_MISSING, { cause: error });
      throw new KeychainError(
        'The keychain module (keytar) could not be loaded. Reinstall the app; on Linux building it needs libsecret-1-dev.',
        { cause: error },
      );
    }
  }
}

/** What the app and ctm say when the system's libsecret is missing: the package to install, per family. */
export const LIBSECRET_MISSING =
  "The system's Secret Service library (libsecret) is missing, so tokens cannot be stored. Install it (Debian, Ubuntu: apt-get install libsecret-1-0 gnome-keyring; Fedora: dnf install libsecret) and restart the app. Nothing stored was changed.";

function notAnsweringMessage(what: string, timeoutMs: number, stillWaiting: boolean): string {
  const waited = stillWaiting
    ? 'is still not answering an earlier request'
    : `did not answer a ${what} within ${Math.round(timeoutMs / 1000)} s`;
  return `The OS keychain ${waited}. It may be waiting behind an unlock prompt, or its service may hang: unlock it or restart it (on Linux: gnome-keyring-daemon or KWallet), then try again. Nothing stored was changed.`;
}

function lockedMessage(what: string): string {
  return `The OS keychain is locked, so a ${what} was refused. Unlock it (log in to the desktop session, or unlock the "login" keyring, e.g. with Seahorse) and try again. Nothing stored was changed.`;
}

/** One actionable line for a keychain failure, from libsecret's, macOS's or Windows' wording. */
export function describeKeychainFailure(what: string, error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/locked|unlock|dismissed|cancel/i.test(text)) return lockedMessage(what);
  if (/timeout was reached|did not receive a reply|timed out/i.test(text)) return notAnsweringMessage(what, 0, true);
  if (
    /org\.freedesktop\.secrets|secret service|DBUS|D-Bus|autolaunch|X11|\.service files|ServiceUnknown|could not connect|session wrapping the secret/i.test(
      text,
    )
  ) {
    return 'No Secret Service is answering, so secrets cannot be read or stored. Install and start one (gnome-keyring or KWallet), inside a desktop or D-Bus session, then try again. Nothing stored was changed.';
  }
  return `The OS keychain refused a ${what}. Check that it is unlocked and working, then try again. Nothing stored was changed.`;
}
