import type { ProfileId } from '../profiles/profile-id.ts';
import { endpointTokenSource, profileIdByName, type EndpointTokenParts } from './endpoint-tokens.ts';
import { FailureThrottle } from './failure-throttle.ts';
import { grantToken } from './token-grant.ts';
import { startTokenEndpointServer, type RunningTokenEndpoint } from './token-endpoint-server.ts';

/** What the endpoint needs of the core (Core fits it): profiles and tokens, and its clients' secrets. */
export interface TokenEndpointParts extends EndpointTokenParts {
  /** Whether `secret` is the endpoint client secret of the profile (constant time; false for no profile). */
  verifyEndpointSecret(profileId: ProfileId | undefined, secret: string): Promise<boolean>;
}

/** Where and for whom the endpoint serves. */
export interface TokenEndpointOptions {
  port: number;
  /** The browser origins allowed to call, read when a request carries one (endpoint.json, so a change applies at once). */
  allowedOrigins(): Promise<readonly string[]>;
}

/** Starts the local OAuth 2.0 token endpoint on the core's profiles, sessions and endpoint secrets. */
export function startTokenEndpoint(
  core: TokenEndpointParts,
  options: TokenEndpointOptions,
): Promise<RunningTokenEndpoint> {
  const throttle = new FailureThrottle();
  const deps = {
    profileIdOf: profileIdByName(core),
    verifySecret: (profileId: ProfileId | undefined, secret: string) => core.verifyEndpointSecret(profileId, secret),
    tokens: endpointTokenSource(core),
    throttle,
    now: () => core.now(),
  };
  return startTokenEndpointServer({
    port: options.port,
    allowedOrigins: options.allowedOrigins,
    grant: (authorization, form) => grantToken(deps, authorization, form),
  });
}
