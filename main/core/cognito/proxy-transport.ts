import type { CognitoTransport, FetchFunction } from './transport.ts';
import { fetchTransportWith } from './transport.ts';

/** The variables curl, the AWS CLI and undici read; lower case wins where both are set, as in curl. */
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] as const;

/** True when the environment names a proxy (an empty value names none). */
export function namesProxy(env: NodeJS.ProcessEnv): boolean {
  return PROXY_VARIABLES.some((name) => Boolean(env[name]?.trim()));
}

let proxied: Promise<CognitoTransport> | undefined;

/**
 * A transport through the environment's proxy (HTTPS_PROXY for https://, HTTP_PROXY for http://, hosts in NO_PROXY
 * direct), or undefined when no proxy is named. undici is loaded only then, so the usual `ctm token` pays nothing for it.
 */
export function proxiedTransport(env: NodeJS.ProcessEnv): Promise<CognitoTransport> | undefined {
  if (!namesProxy(env)) return undefined;
  proxied ??= import('undici').then(({ EnvHttpProxyAgent, fetch }) => {
    // EnvHttpProxyAgent reads http(s)_proxy and no_proxy (either case) itself, with the same rules as curl.
    const dispatcher = new EnvHttpProxyAgent();
    const viaProxy: FetchFunction = (url, init) => fetch(url, { ...init, dispatcher });
    return fetchTransportWith(viaProxy);
  });
  return proxied;
}
