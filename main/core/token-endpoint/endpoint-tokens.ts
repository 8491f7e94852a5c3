import type { Core } from '../core.ts';
import { NotFoundError, SignInRequiredError } from '../errors.ts';
import { flowKind } from '../auth/flows/flow-kinds.ts';
import { isFreshEnough } from '../tokens/refresh-margin.ts';
import type { EndpointTokens } from './token-grant.ts';

/**
 * A profile's tokens for the endpoint: the session file's (read afresh each time, so a sign-out or a refresh by the
 * app or another `ctm` is seen at once; no keychain read once the cache key is known), renewed through the sessions
 * when within the refresh margin. A signed-out profile is refused even if this process still remembers old tokens.
 */
export function endpointTokenSource(core: Core): (profileId: string) => Promise<EndpointTokens> {
  return async (profileId) => {
    const profile = (await core.profiles.list()).find((p) => p.id === profileId);
    if (!profile) throw new NotFoundError('The profile is gone.');
    const stored = await core.vault.cachedTokens(profile.id);
    if (stored && isFreshEnough(stored, core.clock.now())) return stored;
    if (!stored && !flowKind(profile).renewsWithoutSession)
      throw new SignInRequiredError(profile.name, 'it is not signed in');
    return core.sessions.tokens(profile.id);
  };
}

/** The id of the profile named `name` (client ids are profile names; ids are not accepted, they are not shown anywhere). */
export function profileIdByName(core: Core): (name: string) => Promise<string | undefined> {
  return async (name) => (await core.profiles.list()).find((p) => p.name === name)?.id;
}
