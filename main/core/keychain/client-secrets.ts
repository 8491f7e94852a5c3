import { assertFitsOneItem } from './item-limit.ts';
import type { SecretStore } from './secret-store.ts';

const PREFIX = 'client-secret:';
/** Marks an item that holds `{ secret, origin }` as JSON (Cognito's secrets are lowercase letters and digits). */
const BOUND = 'ctm-bound-v1:';

/**
 * The client secrets of confidential app clients: one keychain item per profile, `client-secret:<profile id>`.
 * The item's value is written and read only here (the place to bind a secret to the pool and client it belongs to).
 */
export class ClientSecrets {
  private readonly store: SecretStore;

  constructor(store: SecretStore) {
    this.store = store;
  }

  /**
   * The profile's client secret, if one is stored, with the origin it was stored for (profiles/secret-origin.ts;
   * undefined for an item written before origins were kept, which holds the bare secret).
   */
  async bound(profileId: string): Promise<{ secret: string; origin?: string } | undefined> {
    const value = await this.store.get(PREFIX + profileId);
    if (value === undefined) return undefined;
    if (value.startsWith(BOUND)) {
      const bound = JSON.parse(value.slice(BOUND.length)) as { secret?: unknown; origin?: unknown };
      if (typeof bound.secret === 'string' && typeof bound.origin === 'string')
        return { secret: bound.secret, origin: bound.origin };
    }
    return { secret: value };
  }

  /** The profile's client secret alone, if one is stored (for checks and tests; sending one goes through `bound`). */
  async get(profileId: string): Promise<string | undefined> {
    return (await this.bound(profileId))?.secret;
  }

  /** Stores a client secret with the origin it belongs to (Cognito's secrets are 51 characters, far below the item limit). */
  async save(profileId: string, secret: string, origin?: string): Promise<void> {
    const value = origin === undefined ? secret : BOUND + JSON.stringify({ secret, origin });
    assertFitsOneItem('client secret', value);
    await this.store.set(PREFIX + profileId, value);
  }

  /** Binds a secret stored without an origin (by an older release) to `origin`, unless it changed since it was read. */
  async bind(profileId: string, secret: string, origin: string): Promise<void> {
    const stored = await this.bound(profileId);
    if (stored?.secret === secret && stored.origin === undefined) await this.save(profileId, secret, origin);
  }

  /** Forgets the profile's client secret. */
  async delete(profileId: string): Promise<void> {
    await this.store.delete(PREFIX + profileId);
  }
}
