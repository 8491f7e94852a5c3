import { NotFoundError, SignInRequiredError } from '../errors.ts';
import { flowKind } from '../auth/flows/flow-kinds.ts';
import type { Profile } from '../profiles/profile.ts';
import type { ProfileId } from '../profiles/profile-id.ts';
import { isFreshEnough } from '../tokens/refresh-margin.ts';
import type { TokenSet } from '../tokens/token-set.ts';
import type { EndpointTokens } from './token-grant.ts';

/** What the endpoint reads of the core (Core fits it): the profiles, their session files, and renewals. */
export interface EndpointTokenParts {
  listProfiles(): Promise<Profile[]>;
  /** The session file's tokens, without the refresh token. */
  cachedTokens(profileId: ProfileId): Promise<Omit<TokenSet, 'refreshToken'> | undefined>;
  /** Valid tokens, renewed first when within the refresh margin. */
  tokens(profileId: ProfileId): Promise<TokenSet>;
  now(): number;
}

/**
 * A profile's tokens for the endpoint: the session file's (read afresh each time, so a sign-out or a refresh by the
 * app or another `ctm` is seen at once; no keychain read once the cache key is known), renewed through the sessions
 * when within the refresh margin. A signed-out profile is refused even if this process still remembers old tokens.
 */
export function endpointTokenSource(core: EndpointTokenParts): (profileId: ProfileId) => Promise<EndpointTokens> {
  return async (profileId) => {
    const profile = (await core.listProfiles()).find((p) => p.id === profileId);
    if (!profile) throw new NotFoundError('The profile is gone.');
    const stored = await core.cachedTokens(profile.id);
    if (stored && isFreshEnough(stored, core.now())) return stored;
    if (!stored && !flowKind(profile).renewsWithoutSession)
      throw new SignInRequiredError(profile.name, 'it is not signed in');
    return core.tokens(profile.id);
  };
}

/** The id of the profile named `name` (client ids are profile names; ids are not accepted, they are not shown anywhere). */
export function profileIdByName(
  core: Pick<EndpointTokenParts, 'listProfiles'>,
): (name: string) => Promise<ProfileId | undefined> {
  return async (name) => (await core.listProfiles()).find((p) => p.name === name)?.id;
}
