// NO_PROXY as undici's EnvHttpProxyAgent reads it (undici 8.14.0, lib/dispatcher/env-http-proxy-agent.js): the hosts a
// request reaches directly although HTTP(S)_PROXY names a proxy. Each rule below cites the lines it follows, so that
// ctm sends a request where undici would have, and says so.

/** One entry of NO_PROXY: a host (or `*`), a port (0 = any), and whether it was `*.host` (subdomains only). */
interface NoProxyEntry {
  hostname: string;
  port: number;
  wildcard: boolean;
}

/** The ports undici fills in for a URL without one (DEFAULT_PORTS). */
const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** `no_proxy ?? NO_PROXY ?? ''` (#noProxyEnv): lower case first, and an empty lower-case variable hides the other. */
function noProxyValue(env: NodeJS.ProcessEnv): string {
  return env.no_proxy ?? env.NO_PROXY ?? '';
}

/** One entry as #parseNoProxy reads it: `[v6]:port`, `host:port`, a bare or bracketed v6 address, `.host`, `*.host`. */
function parseEntry(entry: string): NoProxyEntry {
  let hostname: string;
  let port: number;
  // "An IPv6 entry with a port must be bracketed: [::1]:443."
  const v6WithPort = /^\[(.+)\]:(\d+)$/.exec(entry);
  if (v6WithPort) {
    hostname = v6WithPort[1] ?? '';
    port = Number.parseInt(v6WithPort[2] ?? '', 10);
  } else {
    // Only exactly one colon followed by digits is host:port; a bare v6 address has several.
    const unbracketed = entry.replace(/^\[(.+)\]$/, '$1');
    const hostPort = (unbracketed.match(/:/g) ?? []).length === 1 ? /^(.+):(\d+)$/.exec(unbracketed) : null;
    hostname = hostPort?.[1] ?? unbracketed;
    port = hostPort ? Number.parseInt(hostPort[2] ?? '', 10) : 0;
  }
  return {
    // "strip leading dot or asterisk with dot, and any trailing dot", compared in lower case.
    hostname: hostname
      .replace(/^\*?\./, '')
      .replace(/^(.+)\.$/, '$1')
      .toLowerCase(),
    port,
    // "A leading `*` marks a subdomain wildcard (`*.example.com`) ... must only match subdomains, never the apex".
    wildcard: entry.startsWith('*'),
  };
}

/** The entries of a NO_PROXY value: separated by commas or white space (`split(/[,\s]/)`), empty ones skipped. */
function noProxyEntries(value: string): NoProxyEntry[] {
  return value.split(/[,\s]/).filter(Boolean).map(parseEntry);
}

/** The URL's host and port as #getProxyAgentForUrl compares them: v6 unbracketed, lower case, no trailing dot. */
function hostAndPort(url: URL): { hostname: string; port: number } {
  let hostname = url.host
    .replace(/:\d*$/, '')
    .replace(/^\[(.+)\]$/, '$1')
    .toLowerCase();
  // "example.com." and "example.com" are the same name (RFC 1034); a lone "." is left alone.
  if (hostname.length > 1 && hostname.endsWith('.')) hostname = hostname.slice(0, -1);
  const port = Number.parseInt(url.port, 10) || DEFAULT_PORTS[url.protocol] || 0;
  return { hostname, port };
}

/**
 * True when NO_PROXY sends a request to `url` directly (#shouldProxy answering false): a `*` entry (with its port, if
 * it has one), the host itself (not for `*.host`), or any subdomain of an entry, each only on the entry's port if given.
 */
export function bypassesProxy(url: URL, env: NodeJS.ProcessEnv): boolean {
  const { hostname, port } = hostAndPort(url);
  for (const entry of noProxyEntries(noProxyValue(env))) {
    if (entry.port && entry.port !== port) continue;
    if (entry.hostname === '*') return true;
    if (!entry.wildcard && hostname === entry.hostname) return true;
    // undici compares the end of the string: "Don't proxy if the hostname is the subdomain of the no_proxy host".
    if (hostname.slice(-(entry.hostname.length + 1)) === `.${entry.hostname}`) return true;
  }
  return false;
}
