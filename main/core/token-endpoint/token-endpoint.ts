import type { Core } from '../core.ts';
import type { EndpointSecrets } from './endpoint-secrets.ts';
import { endpointTokenSource, profileIdByName } from './endpoint-tokens.ts';
import { FailureThrottle } from './failure-throttle.ts';
import { grantToken } from './token-grant.ts';
import { startTokenEndpointServer, type RunningTokenEndpoint } from './token-endpoint-server.ts';

/** Where and for whom the endpoint serves. */
export interface TokenEndpointOptions {
  port: number;
  /** The browser origins allowed to call, read when a request carries one (endpoint.json, so a change applies at once). */
  allowedOrigins(): Promise<readonly string[]>;
}

/** Starts the local OAuth 2.0 token endpoint on the core's profiles, sessions and endpoint secrets. */
export function startTokenEndpoint(
  core: Core,
  secrets: EndpointSecrets,
  options: TokenEndpointOptions,
): Promise<RunningTokenEndpoint> {
  const throttle = new FailureThrottle();
  const deps = {
    profileIdOf: profileIdByName(core),
    verifySecret: (profileId: string | undefined, secret: string) => secrets.verify(profileId, secret),
    tokens: endpointTokenSource(core),
    throttle,
    now: () => core.clock.now(),
  };
  return startTokenEndpointServer({
    port: options.port,
    allowedOrigins: options.allowedOrigins,
    grant: (authorization, form) => grantToken(deps, authorization, form),
  });
}
