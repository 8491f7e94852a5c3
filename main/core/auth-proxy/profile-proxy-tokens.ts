import { BadInputError } from '../errors.ts';
import type { Profile } from '../profiles/profile.ts';
import { endpointTokenSource, type EndpointTokenParts } from '../token-endpoint/endpoint-tokens.ts';
import type { ProfileId } from '../profiles/profile-id.ts';
import type { TokenSet } from '../tokens/token-set.ts';
import type { EndpointTokens } from '../token-endpoint/token-grant.ts';
import type { TokenKind } from '../tokens/token-format.ts';
import { ProxyTokenSource, type ProxyToken } from './proxy-token.ts';

/** What the proxy needs of the core (Core fits it): the endpoint's token source and renewals. */
export interface ProxyTokenParts extends EndpointTokenParts {
  refreshNow(profileId: ProfileId): Promise<TokenSet>;
}

/** The proxy's tokens of a profile: its access or ID token, as the session holds it, renewed by the core's sessions. */
export function profileProxyTokens(core: ProxyTokenParts, profile: Profile, kind: TokenKind): ProxyTokenSource {
  const read = endpointTokenSource(core);
  const pick = (tokens: EndpointTokens): ProxyToken => {
    const token = kind === 'id' ? tokens.idToken : tokens.accessToken;
    if (token === undefined)
      throw new BadInputError(
        `Profile "${profile.name}" has no ID token (machine clients get access tokens only); use --type access.`,
      );
    return { token, expiresAt: tokens.expiresAt, issuedAt: tokens.issuedAt };
  };
  return new ProxyTokenSource({
    read: async () => pick(await read(profile.id)),
    renew: async () => pick(await core.refreshNow(profile.id)),
    now: () => core.now(),
  });
}
