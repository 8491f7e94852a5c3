// A request through HTTP(S)_PROXY that fails at the proxy is the proxy's failure, not the endpoint's: it is reported with
// the proxy's address (never the user:password its variable may hold) and the variable to check.
import { isIP } from 'node:net';
import { CognitoNetworkError } from './cognito-errors.ts';

/**
 * The proxy a request goes through: the variable that names it and its address (scheme://host:port, no credentials;
 * empty when the variable holds no proxy URL).
 */
export interface ChosenProxy {
  variable: string;
  address: string;
  hostname: string;
  port: number;
  hasCredentials: boolean;
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443, 'socks:': 1080, 'socks5:': 1080 };
const PROXY_PROTOCOLS = ['http:', 'https:', 'socks:', 'socks5:'];

/** The first of `names` set in env, as undici's EnvHttpProxyAgent reads them (`a ?? b`: lower case first). */
function firstSet(env: NodeJS.ProcessEnv, names: readonly string[]): [string, string] | undefined {
  for (const name of names) if (env[name] !== undefined) return env[name] ? [name, env[name]] : undefined;
  return undefined;
}

/**
 * The proxy the environment names for a URL, as undici's EnvHttpProxyAgent chooses it (lib/dispatcher/env-http-proxy-agent.js):
 * https_proxy / HTTPS_PROXY for https://, falling back to http_proxy / HTTP_PROXY, which http:// uses. NO_PROXY is
 * left to undici: a failure is the proxy's only when it names the proxy's host or port (`isProxyFailure`).
 */
export function chosenProxy(url: string, env: NodeJS.ProcessEnv): ChosenProxy | undefined {
  const http = firstSet(env, ['http_proxy', 'HTTP_PROXY']);
  const https = firstSet(env, ['https_proxy', 'HTTPS_PROXY']) ?? http;
  const named = url.startsWith('https:') ? https : http;
  if (!named) return undefined;
  const [variable, value] = named;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return { variable, address: '', hostname: '', port: 0, hasCredentials: false };
  }
  // undici's ProxyAgent takes http:, https: and SOCKS proxies; anything else fails before a connection is tried.
  if (!PROXY_PROTOCOLS.includes(parsed.protocol))
    return { variable, address: '', hostname: '', port: 0, hasCredentials: false };
  const port = Number(parsed.port) || DEFAULT_PORTS[parsed.protocol] || 0;
  const hostname = parsed.hostname.replace(/^\[(.+)\]$/, '$1');
  return {
    variable,
    address: `${parsed.protocol}//${parsed.hostname}:${port}`,
    hostname,
    port,
    hasCredentials: Boolean(parsed.username || parsed.password),
  };
}

/** Node's codes for a certificate chain it does not trust (OpenSSL's verify errors, and a name that does not match). */
/** Node's codes for a TLS certificate it does not trust (or that names another host). */
export const UNTRUSTED_CERTIFICATE = [
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
];

/** One error of a failed fetch's chain: undici wraps the system error (TypeError "fetch failed" -> cause -> ...). */
interface ChainLink {
  code?: unknown;
  hostname?: unknown;
  address?: unknown;
  port?: unknown;
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
  // A DNS failure names the host it looked up; a refused or reset connection its address and port.
  const sameAddress = isIP(proxy.hostname) === 0 || cause.address === proxy.hostname;
  const aboutProxy =
    cause.hostname === proxy.hostname || (cause.hostname === undefined && cause.port === proxy.port && sameAddress);
  if (!aboutProxy) return undefined;
  if (cause.code === 'ENOTFOUND' || cause.code === 'EAI_AGAIN') return `its host name does not resolve (${cause.code})`;
  if (cause.code === 'ECONNREFUSED') return 'nothing accepts connections there (ECONNREFUSED)';
  return `it could not be reached (${cause.code})`;
}

/** A proxy that refused, could not be reached, or wants credentials: named, with what to check. */
export class ProxyFailureError extends CognitoNetworkError {
  override readonly name: string = 'ProxyFailureError';
}

/**
 * The error to report for a request to `url` that failed with `error`: a ProxyFailureError when the failure is the
 * proxy's (named as scheme://host:port, never with its credentials), else undefined (the caller reports the endpoint).
 */
export function proxyFailure(error: unknown, url: string, env: NodeJS.ProcessEnv): ProxyFailureError | undefined {
  const proxy = chosenProxy(url, env);
  if (!proxy) return undefined;
  // The value itself is not shown: it may hold a password.
  if (!proxy.address)
    return new ProxyFailureError(
      `Could not reach ${new URL(url).origin}: ${proxy.variable} does not hold a proxy URL such as ` +
        `http://proxy.example.com:3128. Check ${proxy.variable}, or unset it to connect without a proxy.`,
      { cause: error },
    );
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
