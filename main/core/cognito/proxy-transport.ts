import type { CognitoTransport, FetchFunction } from './transport.ts';
import { fetchTransportWith } from './transport.ts';
import { chosenProxy, notAProxyUrl, proxyAnswerFailure, proxyFailure } from './proxy-failure.ts';
import { namesProxy, proxyRoute } from './proxy-route.ts';

/** undici's fetch through each proxy URL used so far (one ProxyAgent each, as EnvHttpProxyAgent keeps one per variable). */
const viaProxy = new Map<string, Promise<typeof globalThis.fetch>>();

/** undici's fetch through the proxy at `value`, loaded once and only when a request goes through a proxy. */
function fetchVia(value: string): Promise<typeof globalThis.fetch> {
  let proxied = viaProxy.get(value);
  if (!proxied) {
    proxied = import('undici').then(({ ProxyAgent, fetch }) => {
      // The agent EnvHttpProxyAgent would have made for this variable (`new ProxyAgent({ uri })`); which requests use it
      // is proxyRoute's choice, so that it is also the one the failure messages name.
      const dispatcher = new ProxyAgent({ uri: value });
      // undici's Request/Response are the WHATWG ones Node's own fetch is built on; only their TypeScript types differ.
      return ((url: string, init: RequestInit) =>
        fetch(url, { ...(init as object), dispatcher })) as unknown as typeof globalThis.fetch;
    });
    viaProxy.set(value, proxied);
  }
  return proxied;
}

/**
 * undici's fetch through the proxy a request to `url` goes through (proxyRoute), or undefined when it goes direct.
 * A variable that holds no proxy URL fails here, named, before anything is sent.
 */
async function proxiedFetch(url: string, env: NodeJS.ProcessEnv): Promise<typeof globalThis.fetch | undefined> {
  const route = proxyRoute(url, env);
  if (!route) return undefined;
  if (!chosenProxy(url, env)?.address) throw notAProxyUrl(url, route.variable);
  try {
    return await fetchVia(route.value);
  } catch (error) {
    throw proxyFailure(error, url, env) ?? error;
  }
}

const direct = fetchTransportWith(fetch);

/**
 * A transport through the environment's proxy (HTTPS_PROXY for https://, HTTP_PROXY for http://, hosts in NO_PROXY
 * direct, as undici's EnvHttpProxyAgent), or undefined when no proxy is named. undici is loaded only for a request that
 * goes through a proxy, so the usual `ctm token` pays nothing for it. A request NO_PROXY sends direct goes, and fails,
 * exactly as without a proxy.
 */
export function proxiedTransport(env: NodeJS.ProcessEnv): CognitoTransport | undefined {
  if (!namesProxy(env)) return undefined;
  // A failure at the proxy (or a variable that holds no proxy URL) names the proxy.
  return {
    post: async (url, headers, body, timeoutMs) => {
      const through = await proxiedFetch(url, env);
      if (!through) return direct.post(url, headers, body, timeoutMs);
      let answer: { status: number; body: string };
      try {
        answer = await fetchTransportWith(through as FetchFunction).post(url, headers, body, timeoutMs);
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
  const through = await proxiedFetch(url, process.env);
  if (!through) return fetch(url, init);
  let response: Response;
  try {
    response = await through(url, init);
  } catch (error) {
    throw proxyFailure(error, url, process.env) ?? error;
  }
  const refusal = response.ok
    ? undefined
    : proxyAnswerFailure(response.status, await response.clone().text(), url, process.env);
  if (refusal) throw refusal;
  return response;
}
