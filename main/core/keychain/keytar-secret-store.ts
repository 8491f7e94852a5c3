import { KeychainError } from '../errors.ts';
import type { SecretStore } from './secret-store.ts';

type Keytar = typeof import('keytar');

/** The keychain service name every entry of the app is stored under. */
export const KEYCHAIN_SERVICE = 'cognito-token-manager';
const DEFAULT_TIMEOUT_MS = 10_000;

/** The real OS keychain through keytar (Keychain on macOS, Credential Manager on Windows, Secret Service on Linux), with a timeout on every call. */
export class KeytarSecretStore implements SecretStore {
  private keytar: Keytar | undefined;
  private readonly service: string;
  private readonly timeoutMs: number;

  constructor(service = KEYCHAIN_SERVICE, timeoutMs = Number(process.env.CTM_KEYCHAIN_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS) {
    this.service = service;
    this.timeoutMs = timeoutMs;
  }

  async get(account: string): Promise<string | undefined> {
    return (await this.run('read', (k) => k.getPassword(this.service, account))) ?? undefined;
  }

  async set(account: string, secret: string): Promise<void> {
    await this.run('write', (k) => k.setPassword(this.service, account, secret));
  }

  async delete(account: string): Promise<boolean> {
    return this.run('delete', (k) => k.deletePassword(this.service, account));
  }

  async all(): Promise<Map<string, string>> {
    const found = await this.run('read', (k) => k.findCredentials(this.service));
    return new Map(found.map((c) => [c.account, c.password]));
  }

  private async run<T>(what: string, call: (keytar: Keytar) => Promise<T>): Promise<T> {
    const keytar = await this.load();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new KeychainError(`The OS keychain did not answer a ${what} within ${Math.round(this.timeoutMs / 1000)} s. It may be locked behind a prompt, or its service may hang: unlock it or restart it (on Linux: gnome-keyring-daemon or KWallet), then try again. Nothing stored was changed.`)),
        this.timeoutMs,
      );
      timer.unref();
    });
    try {
      return await Promise.race([call(keytar), timeout]);
    } catch (error) {
      if (error instanceof KeychainError) throw error;
      throw new KeychainError(describeKeychainFailure(what, error), { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  private async load(): Promise<Keytar> {
    if (this.keytar) return this.keytar;
    try {
      const loaded = (await import('keytar')) as Keytar & { default?: Keytar };
      this.keytar = loaded.default ?? loaded;
      return this.keytar;
    } catch (error) {
      throw new KeychainError('The keychain module (keytar) could not be loaded. Reinstall the app; on Linux building it needs libsecret-1-dev.', { cause: error });
    }
  }
}

/** One actionable line for a keychain failure, from libsecret's, macOS's or Windows' wording. */
export function describeKeychainFailure(what: string, error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/locked|unlock|dismissed|cancel/i.test(text)) {
    return `The OS keychain is locked, so a ${what} was refused. Unlock it (log in to the desktop session, or unlock the "login" keyring) and try again. Nothing stored was changed.`;
  }
  if (/org\.freedesktop\.secrets|secret service|DBUS|D-Bus|autolaunch|X11/i.test(text)) {
    return 'No Secret Service is running, so secrets cannot be stored. Install and start one (gnome-keyring or KWallet), inside a desktop or D-Bus session, then try again.';
  }
  return `The OS keychain refused a ${what}. Check that it is unlocked and working, then try again. Nothing stored was changed.`;
}
