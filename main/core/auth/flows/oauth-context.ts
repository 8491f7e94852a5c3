import type { OAuthSessionContext } from '../../oauth/oauth-session.ts';
import type { Profile } from '../../profiles/profile.ts';
import type { FlowServices } from './sign-in-flow.ts';

/** What the OAuth kinds hand to the token endpoint client: the profile, its secret (if any), the wire and the time. */
export async function oauthContext(profile: Profile, services: FlowServices): Promise<OAuthSessionContext> {
  const clientSecret = await services.clientSecret();
  return {
    profile,
    transport: services.transport,
    now: services.now,
    ...(clientSecret ? { clientSecret } : {}),
    ...(services.logger ? { logger: services.logger } : {}),
  };
}
