import type { Core } from '../core.ts';
import { NotFoundError } from '../errors.ts';
import { defaultProfile } from '../profiles/default-profile.ts';
import type { AgentTokens } from './agent-protocol.ts';

/**
 * What the agent serves: a profile's cached access and ID tokens as the vault holds them (its session file, read
 * afresh on every request, so a refresh by the app or another `ctm` is seen at once; the cache key is read from the
 * keychain once). No refresh token is read. An unknown profile is the same error `ctm` gives.
 */
export function cachedTokenSource(core: Core): (profile: string | undefined) => Promise<AgentTokens | undefined> {
  return async (name) => {
    const profile = name === undefined ? await defaultProfile(core.profiles) : await core.profiles.get(name);
    if (!profile) throw new NotFoundError('No profile named and no default profile chosen.');
    const tokens = await core.vault.cachedTokens(profile.id);
    // A session recovered from its refresh token alone has no access token to hand out yet.
    if (!tokens || tokens.accessToken === '') return undefined;
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
