// Which proxy, if any, a request goes through: the one rule the proxied transport follows to send it and the failure
// messages follow to name (or not name) a proxy. It is undici EnvHttpProxyAgent's choice (undici 8.14.0,
// lib/dispatcher/env-http-proxy-agent.js), made here so that what ctm does and what it says cannot differ.
import { bypassesProxy } from './no-proxy.ts';

/** The variable a request goes through and its value (which may hold user:password: never shown). */
export interface ProxyRoute {
  variable: string;
  value: string;
}

/**
 * The first of `names` that is set, read as undici reads them (`a ?? b`: lower case first; a set but empty variable
 * names no proxy and hides the next). A blank one names none either, where undici would fail on it as a proxy URL.
 */
function firstSet(env: NodeJS.ProcessEnv, names: readonly string[]): ProxyRoute | undefined {
  for (const variable of names) {
    const value = env[variable];
    if (value !== undefined) return value.trim() ? { variable, value } : undefined;
  }
  return undefined;
}

/** The proxy named for a scheme, before NO_PROXY: https:// takes the HTTPS pair, else the HTTP pair, which http:// uses. */
function schemeProxy(protocol: string, env: NodeJS.ProcessEnv): ProxyRoute | undefined {
  const http = firstSet(env, ['http_proxy', 'HTTP_PROXY']);
  return protocol === 'https:' ? (firstSet(env, ['https_proxy', 'HTTPS_PROXY']) ?? http) : http;
}

/** True when the environment names a proxy for some request (the HTTPS pair falls back to the HTTP pair). */
export function namesProxy(env: NodeJS.ProcessEnv): boolean {
  return schemeProxy('https:', env) !== undefined;
}

/** The proxy a request to `url` goes through, or undefined when it goes direct (no proxy named, or NO_PROXY matches). */
export function proxyRoute(url: string, env: NodeJS.ProcessEnv): ProxyRoute | undefined {
  const target = new URL(url);
  const named = schemeProxy(target.protocol, env);
  return named && !bypassesProxy(target, env) ? named : undefined;
}
