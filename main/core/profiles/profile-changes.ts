import { RevocationFailedError } from '../auth/sign-out.ts';
import { BadInputError } from '../errors.ts';
import type { Vault } from '../keychain/vault.ts';
import type { SessionService } from '../sessions/session-service.ts';
import type { EndpointSecrets } from '../token-endpoint/endpoint-secrets.ts';
import type { Profile } from './profile.ts';
import type { ProfileId } from './profile-id.ts';
import type { ProfileStore } from './profile-store.ts';
import { secretOrigin, sessionOrigin } from './secret-origin.ts';

/** The parts of the core a profile's keychain entries and session live in. */
export interface ProfileParts {
  profiles: ProfileStore;
  vault: Vault;
  sessions: SessionService;
  endpointSecrets: EndpointSecrets;
}

/** Adds a profile; a client secret goes to the keychain (never the config file) and marks the profile confidential. */
export async function addProfile(
  parts: ProfileParts,
  fields: Record<string, unknown>,
  clientSecret?: string,
): Promise<Profile> {
  if (clientSecret !== undefined && clientSecret.trim() === '') throw new BadInputError('The client secret is empty.');
  const profile = await parts.profiles.add({
    ...fields,
    hasClientSecret: clientSecret !== undefined || fields.hasClientSecret === true,
  });
  if (clientSecret !== undefined) {
    try {
      await parts.vault.clientSecrets.save(profile.id, clientSecret.trim(), secretOrigin(profile));
    } catch (error) {
      await parts.profiles.remove(profile.id);
      throw error;
    }
  }
  return profile;
}

/**
 * Changes a profile's fields (its id, and so its keychain entries, stay). A new client secret goes to the
 * keychain. A session of another pool, client or endpoint (or from before a new secret) is forgotten, since
 * its tokens would be wrong for the edited profile.
 */
export async function updateProfile(
  parts: ProfileParts,
  profileId: ProfileId,
  changes: Record<string, unknown>,
  clientSecret?: string | null,
): Promise<Profile> {
  if (typeof clientSecret === 'string' && clientSecret.trim() === '')
    throw new BadInputError('The client secret is empty.');
  const before = await parts.profiles.byId(profileId);
  // null removes the secret: the profile is validated first (CLIENT_CREDENTIALS refuses to lose it), the keychain after.
  const secretChange = clientSecret === undefined ? {} : { hasClientSecret: clientSecret !== null };
  const updated = await parts.profiles.update(before.id, { ...changes, ...secretChange });
  if (typeof clientSecret === 'string')
    await parts.vault.clientSecrets.save(updated.id, clientSecret.trim(), secretOrigin(updated));
  // Any change of where its secrets go (endpoint, domain, region, FIPS, pool, client, an identity endpoint of its own)
  // forgets the session (issue 19).
  const samePool = sessionOrigin(before) === sessionOrigin(updated);
  if (!samePool || clientSecret !== undefined) await parts.sessions.forget(updated.id);
  if (clientSecret === null) await parts.vault.clientSecrets.delete(updated.id);
  return updated;
}

/**
 * Removes a profile and its keychain entries. The keychain goes first, so a failure leaves the profile listed. With
 * `revoke`, its session is revoked at the server first, and a revocation that fails removes nothing (its refresh token
 * stays valid at Cognito, so it is kept where it can still be revoked).
 */
export async function removeProfile(
  parts: ProfileParts,
  profileId: ProfileId,
  options: { revoke?: boolean } = {},
): Promise<Profile> {
  const profile = await parts.profiles.byId(profileId);
  if (options.revoke) {
    const revocation = await parts.sessions.revoke(profile.id);
    if (!revocation.revoked) throw new RevocationFailedError(profile.name, revocation.problem);
  }
  await parts.vault.forgetProfile(profile.id);
  await parts.endpointSecrets.forget(profile.id);
  await parts.sessions.forget(profile.id);
  return parts.profiles.remove(profile.id);
}
