import { NotFoundError } from '../errors.ts';
import type { Profile } from '../profiles/profile.ts';
import { profileRef, type ProfileId, type ProfileRef } from '../profiles/profile-id.ts';
import { sessionOrigin } from '../profiles/secret-origin.ts';
import type { TokenSet } from '../tokens/token-set.ts';
import type { AgentTokens } from './agent-protocol.ts';

/** What the agent reads of the core (Core fits it): which profile a request names, and its session file. */
export interface AgentTokenParts {
  resolveProfile(ref: ProfileRef): Promise<Profile>;
  defaultProfile(): Promise<Profile | undefined>;
  cachedTokens(profileId: ProfileId): Promise<Omit<TokenSet, 'refreshToken'> | undefined>;
}

/**
 * What the agent serves: a profile's cached access and ID tokens as the vault holds them (its session file, read
 * afresh on every request, so a refresh by the app or another `ctm` is seen at once; the cache key is read from the
 * keychain once). No refresh token is read. An unknown profile is the same error `ctm` gives.
 */
export function cachedTokenSource(
  core: AgentTokenParts,
): (profile: string | undefined) => Promise<AgentTokens | undefined> {
  return async (name) => {
    const profile = name === undefined ? await core.defaultProfile() : await core.resolveProfile(profileRef(name));
    if (!profile) throw new NotFoundError('No profile named and no default profile chosen.');
    const tokens = await core.cachedTokens(profile.id);
    // A session recovered from its refresh token alone has no access token to hand out yet; one not bound to where the
    // profile points now (an older release's, a moved one) is the full path's to bind, forget or refuse, saying why.
    if (!tokens || tokens.accessToken === '' || tokens.origin !== sessionOrigin(profile)) return undefined;
    return {
      profileId: profile.id,
      profileName: profile.name,
      accessToken: tokens.accessToken,
      ...(tokens.idToken !== undefined ? { idToken: tokens.idToken } : {}),
      tokenType: tokens.tokenType,
      expiresAt: tokens.expiresAt,
      issuedAt: tokens.issuedAt,
    };
  };
}
