import type { CognitoTransport, FetchFunction } from './transport.ts';
import { fetchTransportWith } from './transport.ts';
import { proxyAnswerFailure, proxyFailure } from './proxy-failure.ts';

/** The variables curl, the AWS CLI and undici read; lower case wins where both are set, as in curl. */
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] as const;

/** True when the environment names a proxy (an empty value names none). */
export function namesProxy(env: NodeJS.ProcessEnv): boolean {
  return PROXY_VARIABLES.some((name) => Boolean(env[name]?.trim()));
}

let proxied: Promise<typeof globalThis.fetch> | undefined;

/** undici's fetch through the environment's proxy, loaded once and only when a proxy is named. */
function fetchViaProxy(): Promise<typeof globalThis.fetch> {
  proxied ??= import('undici').then(({ EnvHttpProxyAgent, fetch }) => {
    // EnvHttpProxyAgent reads http(s)_proxy and no_proxy (either case) itself, with the same rules as curl.
    const dispatcher = new EnvHttpProxyAgent();
    // undici's Request/Response are the WHATWG ones Node's own fetch is built on; only their TypeScript types differ.
    return ((url: string, init: RequestInit) =>
      fetch(url, { ...(init as object), dispatcher })) as unknown as typeof globalThis.fetch;
  });
  return proxied;
}

/**
 * A transport through the environment's proxy (HTTPS_PROXY for https://, HTTP_PROXY for http://, hosts in NO_PROXY
 * direct), or undefined when no proxy is named. undici is loaded only then, so the usual `ctm token` pays nothing for it.
 */
export function proxiedTransport(env: NodeJS.ProcessEnv): CognitoTransport | undefined {
  if (!namesProxy(env)) return undefined;
  // A failure at the proxy (or a variable that holds no proxy URL, which fails loading the agent) names the proxy.
  return {
    post: async (url, headers, body, timeoutMs) => {
      let answer: { status: number; body: string };
      try {
        const viaProxy = await fetchViaProxy();
        answer = await fetchTransportWith(viaProxy as FetchFunction).post(url, headers, body, timeoutMs);
      } catch (error) {
        throw proxyFailure(error, url, env) ?? error;
      }
      const refusal = proxyAnswerFailure(answer.status, answer.body, url, env);
      if (refusal) throw refusal;
      return answer;
    },
  };
}

/**
 * fetch through the proxy the environment names (as the Cognito transport), else Node's own: for the requests that are
 * not Cognito API calls, such as a pool's JWKS (jose's createRemoteJWKSet takes it as `[customFetch]`).
 */
export async function proxyAwareFetch(url: string, init: RequestInit): Promise<Response> {
  if (!namesProxy(process.env)) return fetch(url, init);
  let response: Response;
  try {
    const viaProxy = await fetchViaProxy();
    response = await viaProxy(url, init);
  } catch (error) {
    throw proxyFailure(error, url, process.env) ?? error;
  }
  const refusal = response.ok
    ? undefined
    : proxyAnswerFailure(response.status, await response.clone().text(), url, process.env);
  if (refusal) throw refusal;
  return response;
}
