import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/**
 * Headers of one connection only (RFC 9110 §7.6.1), never forwarded; `connection` may name more. `expect` too: this
 * server already answered 100-continue (Node does), and the upstream client sends the body without waiting.
 */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
]);

/** The incoming headers without hop-by-hop ones (and those `Connection` names). */
export function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = new Set(
    String(headers.connection ?? '')
      .toLowerCase()
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
  );
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !named.has(name)) kept[name] = value;
  }
  return kept;
}

/**
 * What goes to the target: the client's end-to-end headers with the target's Host and our Authorization, replacing
 * any the client sent (a stale token in a tool's settings must not win).
 */
export function upstreamHeaders(headers: IncomingHttpHeaders, targetHost: string, token: string): OutgoingHttpHeaders {
  const { host: _host, authorization: _authorization, ...rest } = endToEnd(headers);
  return { ...rest, host: targetHost, authorization: `Bearer ${token}` };
}
