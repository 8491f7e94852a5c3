import { NotFoundError } from '../errors.ts';
import type { Vault } from '../keychain/vault.ts';
import { identityEndpointProblem, vouchProblem } from '../profiles/origin-vouch.ts';
import type { Profile } from '../profiles/profile.ts';
import type { ProfileId } from '../profiles/profile-id.ts';
import { secretBinding, secretOrigin, sessionOrigin, type SecretBinding } from '../profiles/secret-origin.ts';
import type { TokenSet } from '../tokens/token-set.ts';

/**
 * A profile's stored secrets checked against where the profile now sends them (secretBinding, the one rule, issue 19):
 * its session, its client secret and, through the device memory, its devices. What an older release stored without an
 * origin is bound here, once, when it is vouched for: a session by its own tokens (origin-vouch.ts), a client secret or a
 * device key by the profile's session.
 */
export class SecretBindings {
  private readonly vault: Vault;
  /** The session service's tokens in memory, whose origin is updated with the stored one. */
  private readonly cache: Map<ProfileId, TokenSet>;

  constructor(vault: Vault, cache: Map<ProfileId, TokenSet>) {
    this.vault = vault;
    this.cache = cache;
  }

  /** A stored session's binding; one vouched for now has its origin saved with it (and in memory). */
  async ofSession(profile: Profile, session: Omit<TokenSet, 'refreshToken'>): Promise<SecretBinding> {
    const current = sessionOrigin(profile);
    // Stored without an origin: its tokens vouch for all of it; bound before its identity endpoint counted: for that.
    const binding = secretBinding(session.origin, current, (stored) =>
      stored === undefined ? vouchProblem(session, profile) : identityEndpointProblem(profile),
    );
    if (binding.kind === 'bound' && binding.newly) {
      await this.vault.bindSession(profile.id, session, current);
      const cached = this.cache.get(profile.id);
      if (cached?.accessToken === session.accessToken) this.cache.set(profile.id, { ...cached, origin: current });
    }
    return binding;
  }

  /**
   * Why the profile's session does not vouch for where the profile now points (undefined when it does): what binds a
   * client secret or a device key an older release stored. Reads no refresh token.
   */
  async sessionVouch(profile: Profile): Promise<string | undefined> {
    const session = this.cache.get(profile.id) ?? (await this.vault.cachedTokens(profile.id));
    if (!session) return 'the profile has no session to vouch for it';
    const binding = await this.ofSession(profile, session);
    return binding.kind === 'bound' ? undefined : "the profile's session does not vouch for it either";
  }

  /** The profile's client secret (undefined for a public client), only while it is bound to where the profile points. */
  async clientSecret(profile: Profile): Promise<string | undefined> {
    if (!profile.hasClientSecret) return undefined;
    const stored = await this.vault.clientSecrets.bound(profile.id);
    const setAgain = `Set it again: ctm profile edit ${profile.name} --client-secret-stdin`;
    if (!stored?.secret)
      throw new NotFoundError(
        `Profile "${profile.name}" needs its client secret, which is not in the keychain. ${setAgain}`,
      );
    const vouch = stored.origin === undefined ? await this.sessionVouch(profile) : undefined;
    const binding = secretBinding(stored.origin, secretOrigin(profile), () => vouch);
    if (binding.kind !== 'bound')
      throw new NotFoundError(
        `Profile "${profile.name}" needs its client secret again: ${binding.reason}. ${setAgain}`,
      );
    if (binding.newly) await this.vault.clientSecrets.bind(profile.id, stored.secret, binding.origin);
    return stored.secret;
  }
}
