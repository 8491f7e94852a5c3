import type { Profile } from '../profiles/profile.ts';
import type { EndpointSecrets } from './endpoint-secrets.ts';
import { DEFAULT_ENDPOINT_PORT, readEndpointSettings } from './endpoint-settings.ts';
import { otherAccountOnPort, PortHeldByOtherAccountError } from './port-holder.ts';
import { tokenUrlFor } from './token-endpoint-server.ts';

/** What an API client needs to get a profile's tokens from the endpoint (JSON keys exactly these, as documented). */
export interface EndpointCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

/**
 * A profile's endpoint credentials, its secret created on first use (`rotate`: replaced). The one place the CLI and
 * the window get them from (through Core.endpointCredentials). `served` is false when the settings turn the agent's
 * endpoint off (port 0): the URL is then the default port's, for `ctm endpoint run`. Refused (before the secret is
 * read) when another local account listens at the URL's port: a tool given these credentials would send it there.
 */
export async function endpointCredentials(
  secrets: EndpointSecrets,
  configDir: string,
  profile: Profile,
  options: { rotate?: boolean } = {},
): Promise<EndpointCredentials & { served: boolean }> {
  const { port } = await readEndpointSettings(configDir);
  const urlPort = port === 0 ? DEFAULT_ENDPOINT_PORT : port;
  const holder = await otherAccountOnPort(urlPort);
  if (holder !== undefined) throw new PortHeldByOtherAccountError(urlPort, holder, profile.name);
  const clientSecret = options.rotate ? await secrets.rotate(profile.id) : await secrets.secretFor(profile.id);
  return {
    tokenUrl: tokenUrlFor(urlPort),
    clientId: profile.name,
    clientSecret,
    served: port !== 0,
  };
}
