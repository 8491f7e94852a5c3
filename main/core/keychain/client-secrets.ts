import { assertFitsOneItem } from './item-limit.ts';
import type { SecretStore } from './secret-store.ts';

const PREFIX = 'client-secret:';

/**
 * The client secrets of confidential app clients: one keychain item per profile, `client-secret:<profile id>`.
 * The item's value is written and read only here (the place to bind a secret to the pool and client it belongs to).
 */
export class ClientSecrets {
  private readonly store: SecretStore;

  constructor(store: SecretStore) {
    this.store = store;
  }

  /** The profile's client secret, if one is stored. */
  get(profileId: string): Promise<string | undefined> {
    return this.store.get(PREFIX + profileId);
  }

  /** Stores a client secret (Cognito's are 51 characters, far below the item limit). */
  async save(profileId: string, secret: string): Promise<void> {
    assertFitsOneItem('client secret', secret);
    await this.store.set(PREFIX + profileId, secret);
  }

  /** Forgets the profile's client secret. */
  async delete(profileId: string): Promise<void> {
    await this.store.delete(PREFIX + profileId);
  }
}
