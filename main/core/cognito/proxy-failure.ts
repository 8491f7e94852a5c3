// A request through HTTP(S)_PROXY that fails at the proxy is the proxy's failure, not the endpoint's: it is reported with
// the proxy's address (never the user:password its variable may hold) and the variable to check.
import { CognitoNetworkError } from './cognito-errors.ts';
import { proxyRoute } from './proxy-route.ts';

/**
 * The proxy a request goes through: the variable that names it and its address (scheme://host:port, no credentials;
 * empty when the variable holds no proxy URL).
 */
export interface ChosenProxy {
  variable: string;
  address: string;
  hasCredentials: boolean;
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443, 'socks:': 1080, 'socks5:': 1080 };
const PROXY_PROTOCOLS = ['http:', 'https:', 'socks:', 'socks5:'];

/**
 * The proxy a request to `url` goes through, described for a message: undefined when it goes direct, as proxyRoute
 * (the one rule, undici EnvHttpProxyAgent's, NO_PROXY included) decides; its address is empty when the variable holds
 * no proxy URL.
 */
export function chosenProxy(url: string, env: NodeJS.ProcessEnv): ChosenProxy | undefined {
  const route = proxyRoute(url, env);
  if (!route) return undefined;
  const { variable, value } = route;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return { variable, address: '', hasCredentials: false };
  }
  // undici's ProxyAgent takes http:, https: and SOCKS proxies; anything else fails before a connection is tried.
  if (!PROXY_PROTOCOLS.includes(parsed.protocol)) return { variable, address: '', hasCredentials: false };
  const port = Number(parsed.port) || DEFAULT_PORTS[parsed.protocol] || 0;
  return {
    variable,
    address: `${parsed.protocol}//${parsed.hostname}:${port}`,
    hasCredentials: Boolean(parsed.username || parsed.password),
  };
}

/** Node's codes for a TLS certificate it does not trust (or that names another host). */
export const UNTRUSTED_CERTIFICATE = [
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
];

/** Codes of a connection that could not be opened (Node's net errors, undici's connect timeout). */
const CONNECT_FAILURES = ['EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT'];

/** One error of a failed fetch's chain: undici wraps the system error (TypeError "fetch failed" -> cause -> ...). */
interface ChainLink {
  code?: unknown;
  message?: unknown;
}

/** The error and its causes, outermost first (at most 5). */
function causeChain(error: unknown): ChainLink[] {
  const links: ChainLink[] = [];
  for (let current = error; links.length < 5 && typeof current === 'object' && current !== null;) {
    links.push(current as ChainLink);
    current = (current as { cause?: unknown }).cause;
  }
  return links;
}

/** What went wrong at the proxy, in words, or undefined when the failure is not the proxy's. */
function proxyProblem(error: unknown, proxy: ChosenProxy): string | undefined {
  const links = causeChain(error);
  const cause = links.at(-1) ?? {};
  const message = typeof cause.message === 'string' ? cause.message : '';
  const status = /Proxy response \((\d{3})\)|Proxy Authentication Required \((407)\)/.exec(message);
  const code = status?.[1] ?? status?.[2];
  if (code === '407')
    return proxy.hasCredentials
      ? `it refused the user and password ${proxy.variable} gives (HTTP 407 Proxy Authentication Required)`
      : `it asks for a user and password (HTTP 407 Proxy Authentication Required); give them as http://USER:PASSWORD@host:port`;
  if (code) return `it did not open a connection to the endpoint (it answered HTTP ${code})`;
  // undici's own proxy errors (lib/core/errors.js) wrap the socket or TLS error that ended the connection to the proxy.
  const undiciCodes = links.map((link) => link.code);
  const detail = typeof cause.code === 'string' ? ` (${cause.code})` : '';
  if (undiciCodes.includes('UND_ERR_PRX_TLS')) return `its TLS connection failed${detail}`;
  if (undiciCodes.includes('UND_ERR_PRX_CONN')) return `it closed the connection${detail}`;
  if (typeof cause.code !== 'string') return undefined;
  // A certificate Node does not trust, on a proxied request: the proxy's own (an https:// proxy) or one it made for the
  // endpoint (a proxy that inspects TLS); AWS's own certificates are in Node's store.
  if (UNTRUSTED_CERTIFICATE.includes(cause.code))
    return `a TLS certificate this computer does not trust (${cause.code}): a proxy that is https:// itself or that inspects TLS needs its CA in NODE_EXTRA_CA_CERTS`;
  // The request went through the proxy (proxyRoute), so the only host ctm looked up and the only connection it opened
  // were the proxy's (the proxy reaches the endpoint itself): a failure to open one is the proxy's. A connection that
  // breaks later may be the endpoint's doing, and stays the endpoint's failure.
  if (cause.code === 'ENOTFOUND' || cause.code === 'EAI_AGAIN') return `its host name does not resolve (${cause.code})`;
  if (cause.code === 'ECONNREFUSED') return 'nothing accepts connections there (ECONNREFUSED)';
  if (CONNECT_FAILURES.includes(cause.code)) return `it could not be reached (${cause.code})`;
  return undefined;
}

/** A proxy that refused, could not be reached, or wants credentials: named, with what to check. */
export class ProxyFailureError extends CognitoNetworkError {
  override readonly name: string = 'ProxyFailureError';
}

/** A proxy variable that holds no proxy URL: named, without its value (it may hold a password). */
export function notAProxyUrl(url: string, variable: string, cause?: unknown): ProxyFailureError {
  return new ProxyFailureError(
    `Could not reach ${new URL(url).origin}: ${variable} does not hold a proxy URL such as ` +
      `http://proxy.example.com:3128. Check ${variable}, or unset it to connect without a proxy.`,
    { cause },
  );
}

/**
 * The error to report for a request to `url` that failed with `error`: a ProxyFailureError when the failure is the
 * proxy's (named as scheme://host:port, never with its credentials), else undefined (the caller reports the endpoint).
 */
export function proxyFailure(error: unknown, url: string, env: NodeJS.ProcessEnv): ProxyFailureError | undefined {
  const proxy = chosenProxy(url, env);
  if (!proxy) return undefined;
  if (!proxy.address) return notAProxyUrl(url, proxy.variable, error);
  const problem = proxyProblem(error, proxy);
  if (!problem) return undefined;
  return new ProxyFailureError(
    `Could not reach ${new URL(url).origin} through the proxy ${proxy.address} (from ${proxy.variable}): ${problem}. ` +
      `Check ${proxy.variable} (and NO_PROXY for hosts to reach directly), or unset it to connect without a proxy.`,
    { cause: error },
  );
}

/** True for an answer body that is a JSON object, as every Cognito answer is (errors carry `__type`). */
function isJsonObject(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as unknown;
    return typeof parsed === 'object' && parsed !== null;
  } catch {
    return false;
  }
}

/**
 * An error answer through a proxy that is not Cognito's JSON (a plain http:// request is forwarded, so the proxy's own
 * refusal comes back as an answer: tinyproxy answers a wrong password with 401, a blocked host with 403, an unreachable
 * one with 5xx): reported with the proxy named. Undefined for Cognito's answers, or without a proxy.
 */
export function proxyAnswerFailure(
  status: number,
  body: string,
  url: string,
  env: NodeJS.ProcessEnv,
): ProxyFailureError | undefined {
  if (status < 400 || isJsonObject(body)) return undefined;
  const proxy = chosenProxy(url, env);
  if (!proxy?.address) return undefined;
  const likely =
    status === 401 || status === 407
      ? proxy.hasCredentials
        ? `most likely the proxy refusing the user and password ${proxy.variable} gives`
        : 'most likely the proxy asking for a user and password (http://USER:PASSWORD@host:port)'
      : "most likely the proxy's own refusal";
  return new ProxyFailureError(
    `${new URL(url).origin} answered HTTP ${status} through the proxy ${proxy.address} (from ${proxy.variable}), ` +
      `not with Cognito's JSON: ${likely}. Check ${proxy.variable} (and NO_PROXY for hosts to reach directly), ` +
      "then the profile's endpoint.",
  );
}
