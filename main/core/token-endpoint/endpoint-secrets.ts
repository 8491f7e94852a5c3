import type { ProfileId } from '../profiles/profile-id.ts';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SecretStore } from '../keychain/secret-store.ts';

/** The keychain account of a profile's endpoint client secret. */
export const ENDPOINT_SECRET_PREFIX = 'endpoint-secret:';

/** A failed check may re-read the keychain (the secret was rotated by another process) at most this often per profile. */
const REREAD_AFTER_MS = 2_000;
/** A secret held longer than this is read again before it is trusted: a rotation elsewhere ends the old one within it. */
const TRUST_FOR_MS = 10_000;

/**
 * The local client secrets of the token endpoint: one random 256-bit secret per profile, one keychain item each,
 * created only when the user asks for the credentials. Kept in memory for TRUST_FOR_MS after a read, so most checks
 * cost no keychain call, while a secret rotated by another process stops working within that time; compared in
 * constant time.
 */
export class EndpointSecrets {
  private readonly store: SecretStore;
  private readonly now: () => number;
  private readonly known = new Map<string, { secret: string | undefined; readAt: number }>();

  constructor(store: SecretStore, now: () => number = Date.now) {
    this.store = store;
    this.now = now;
  }

  /** The profile's secret, created (and stored) on first use. */
  async secretFor(profileId: ProfileId): Promise<string> {
    const stored = await this.store.get(ENDPOINT_SECRET_PREFIX + profileId);
    if (stored) return this.remember(profileId, stored);
    return this.rotate(profileId);
  }

  /** Replaces the profile's secret with a new random one: clients holding the old one are refused from now on. */
  async rotate(profileId: ProfileId): Promise<string> {
    const secret = `ctm_${randomBytes(32).toString('base64url')}`;
    await this.store.set(ENDPOINT_SECRET_PREFIX + profileId, secret);
    return this.remember(profileId, secret);
  }

  /** Removes the profile's secret (the profile is gone). */
  async forget(profileId: ProfileId): Promise<void> {
    this.known.delete(profileId);
    await this.store.delete(ENDPOINT_SECRET_PREFIX + profileId);
  }

  /** True when `presented` is the profile's secret. Undefined `profileId` (no such profile) is compared too, and fails. */
  async verify(profileId: ProfileId | undefined, presented: string): Promise<boolean> {
    if (profileId === undefined) return sameSecret(undefined, presented);
    const held = this.known.get(profileId);
    const age = held ? this.now() - held.readAt : Infinity;
    if (held && age < TRUST_FOR_MS && sameSecret(held.secret, presented)) return true;
    if (age < REREAD_AFTER_MS) return false;
    const stored = await this.store.get(ENDPOINT_SECRET_PREFIX + profileId);
    this.known.set(profileId, { secret: stored, readAt: this.now() });
    return sameSecret(stored, presented);
  }

  private remember(profileId: string, secret: string): string {
    this.known.set(profileId, { secret, readAt: this.now() });
    return secret;
  }
}

/** Constant-time comparison of digests: neither the length nor the first differing byte shows in the timing. */
function sameSecret(expected: string | undefined, presented: string): boolean {
  const a = createHash('sha256')
    .update(expected ?? '\0no secret')
    .digest();
  const b = createHash('sha256').update(presented).digest();
  return timingSafeEqual(a, b) && expected !== undefined;
}
