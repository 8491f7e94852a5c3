import { dirname } from 'node:path';
import type { Core } from '../core.ts';
import { DEFAULT_ENDPOINT_PORT, readEndpointSettings } from './endpoint-settings.ts';
import { tokenUrlFor } from './token-endpoint-server.ts';

/** What an API client needs to get a profile's tokens from the endpoint (JSON keys exactly these, as documented). */
export interface EndpointCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

/**
 * A profile's endpoint credentials, its secret created on first use (`rotate`: replaced). The one place the CLI and
 * the window get them from. `served` is false when the settings turn the agent's endpoint off (port 0): the URL is
 * then the default port's, for `ctm endpoint run`.
 */
export async function endpointCredentials(
  core: Core,
  profileRef: string,
  options: { rotate?: boolean } = {},
): Promise<EndpointCredentials & { served: boolean }> {
  const profile = await core.profiles.get(profileRef);
  const clientSecret = options.rotate
    ? await core.endpointSecrets.rotate(profile.id)
    : await core.endpointSecrets.secretFor(profile.id);
  const { port } = await readEndpointSettings(dirname(core.profiles.path));
  return {
    tokenUrl: tokenUrlFor(port === 0 ? DEFAULT_ENDPOINT_PORT : port),
    clientId: profile.name,
    clientSecret,
    served: port !== 0,
  };
}
