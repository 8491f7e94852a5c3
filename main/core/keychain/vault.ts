import type { TokenSet } from '../tokens/token-set.ts';
import type { SecretStore } from './secret-store.ts';

/** A device Cognito remembers for a user (ConfirmDevice): sent as DEVICE_KEY on sign-in and refresh. */
export interface RememberedDevice {
  deviceKey: string;
  deviceGroupKey: string;
  devicePassword: string;
}

/** Everything secret about one profile, as read from the keychain. */
export interface ProfileSecrets {
  session?: TokenSet;
  clientSecret?: string;
}

/** Told after a session is stored (`session`) or removed (undefined), whoever did it: sign-in, refresh, sign-out. */
export type SessionChangeListener = (profileId: string, session: TokenSet | undefined) => void;

const SESSION = 'session:';
/** How long a bulk read is reused: one user action (answer, tray update, page refresh) asks for it several times in a row. */
const SNAPSHOT_REUSE_MS = 1_000;
const CLIENT_SECRET = 'client-secret:';
const DEVICE = 'device:';

/** The app's typed view of the keychain: sessions (refresh, access and ID tokens), client secrets and remembered devices. */
export class Vault {
  private readonly store: SecretStore;
  private readonly listeners = new Set<SessionChangeListener>();
  // The last bulk read: shared by concurrent callers, reused briefly, dropped by every write or failure of this vault.
  private snapshot: { read: Promise<Map<string, string>>; doneAt?: number } | undefined;
  constructor(store: SecretStore) {
    this.store = store;
  }

  /** Subscribes to session changes (the refresh scheduler follows sign-ins and sign-outs this way); returns the unsubscribe. */
  onSessionChange(listener: SessionChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The stored session of a profile, if any; an unreadable entry counts as none (and is left in place). */
  async session(profileId: string): Promise<TokenSet | undefined> {
    try {
      return parseSession(await this.store.get(SESSION + profileId));
    } catch (error) {
      this.snapshot = undefined; // the keychain changed state (locked, gone): the next listing must ask it again
      throw error;
    }
  }

  /** Stores a session in one keychain write, replacing the previous one only once the new one is safe. */
  async saveSession(profileId: string, tokens: TokenSet): Promise<void> {
    this.snapshot = undefined;
    await this.store.set(SESSION + profileId, JSON.stringify(tokens));
    this.notify(profileId, tokens);
  }

  /** Forgets a profile's session. */
  async deleteSession(profileId: string): Promise<void> {
    this.snapshot = undefined;
    await this.store.delete(SESSION + profileId);
    this.notify(profileId, undefined);
  }

  /** The client secret of a confidential app client. */
  async clientSecret(profileId: string): Promise<string | undefined> {
    return this.store.get(CLIENT_SECRET + profileId);
  }

  /** Stores a client secret. */
  async saveClientSecret(profileId: string, secret: string): Promise<void> {
    this.snapshot = undefined;
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

  /** Remembers a device for a user of a pool. */
  async saveDevice(userPoolId: string, userId: string, device: RememberedDevice): Promise<void> {
    await this.store.set(`${DEVICE}${userPoolId}:${userId}`, JSON.stringify(device));
  }

  /** Forgets a remembered device. */
  async deleteDevice(userPoolId: string, userId: string): Promise<void> {
    await this.store.delete(`${DEVICE}${userPoolId}:${userId}`);
  }

  /** Removes every entry of a profile (its session and client secret). */
  async forgetProfile(profileId: string): Promise<void> {
    this.snapshot = undefined;
    await this.store.delete(SESSION + profileId);
    this.notify(profileId, undefined);
    await this.store.delete(CLIENT_SECRET + profileId);
  }

  /** All profiles' secrets in one keychain read (shared by concurrent callers, reused for a second after it ends). */
  async allProfileSecrets(): Promise<Map<string, ProfileSecrets>> {
    const result = new Map<string, ProfileSecrets>();
    const entry = (id: string): ProfileSecrets => {
      let secrets = result.get(id);
      if (!secrets) result.set(id, (secrets = {}));
      return secrets;
    };
    for (const [account, secret] of await this.bulkRead()) {
      if (account.startsWith(SESSION)) {
        const session = parseSession(secret);
        if (session) entry(account.slice(SESSION.length)).session = session;
      } else if (account.startsWith(CLIENT_SECRET)) {
        entry(account.slice(CLIENT_SECRET.length)).clientSecret = secret;
      }
    }
    return result;
  }

  private bulkRead(): Promise<Map<string, string>> {
    const last = this.snapshot;
    if (last && (last.doneAt === undefined || performance.now() - last.doneAt < SNAPSHOT_REUSE_MS)) return last.read;
    const current: { read: Promise<Map<string, string>>; doneAt?: number } = { read: this.store.all() };
    this.snapshot = current;
    current.read.then(
      () => {
        current.doneAt = performance.now();
      },
      () => {
        if (this.snapshot === current) this.snapshot = undefined;
      },
    );
    return current.read;
  }

  private notify(profileId: string, session: TokenSet | undefined): void {
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

function parseSession(text: string | undefined): TokenSet | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<TokenSet>;
    if (typeof value.accessToken !== 'string' || typeof value.expiresAt !== 'number') return undefined;
    return value as TokenSet;
  } catch {
    return undefined;
  }
}

