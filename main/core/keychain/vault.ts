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

const SESSION = 'session:';
const CLIENT_SECRET = 'client-secret:';
const DEVICE = 'device:';

/** The app's typed view of the keychain: sessions (refresh, access and ID tokens), client secrets and remembered devices. */
export class Vault {
  private readonly store: SecretStore;
  constructor(store: SecretStore) {
    this.store = store;
  }

  /** The stored session of a profile, if any; an unreadable entry counts as none (and is left in place). */
  async session(profileId: string): Promise<TokenSet | undefined> {
    return parseSession(await this.store.get(SESSION + profileId));
  }

  /** Stores a session in one keychain write, replacing the previous one only once the new one is safe. */
  async saveSession(profileId: string, tokens: TokenSet): Promise<void> {
    await this.store.set(SESSION + profileId, JSON.stringify(tokens));
  }

  /** Forgets a profile's session. */
  async deleteSession(profileId: string): Promise<void> {
    await this.store.delete(SESSION + profileId);
  }

  /** The client secret of a confidential app client. */
  async clientSecret(profileId: string): Promise<string | undefined> {
    return this.store.get(CLIENT_SECRET + profileId);
  }

  /** Stores a client secret. */
  async saveClientSecret(profileId: string, secret: string): Promise<void> {
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
    await this.store.delete(SESSION + profileId);
    await this.store.delete(CLIENT_SECRET + profileId);
  }

  /** All profiles' secrets in one keychain read, for restoring on start. */
  async allProfileSecrets(): Promise<Map<string, ProfileSecrets>> {
    const result = new Map<string, ProfileSecrets>();
    const entry = (id: string): ProfileSecrets => {
      let secrets = result.get(id);
      if (!secrets) result.set(id, (secrets = {}));
      return secrets;
    };
    for (const [account, secret] of await this.store.all()) {
      if (account.startsWith(SESSION)) {
        const session = parseSession(secret);
        if (session) entry(account.slice(SESSION.length)).session = session;
      } else if (account.startsWith(CLIENT_SECRET)) {
        entry(account.slice(CLIENT_SECRET.length)).clientSecret = secret;
      }
    }
    return result;
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

