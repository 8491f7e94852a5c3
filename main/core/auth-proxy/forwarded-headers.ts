import type { IncomingHttpHeaders } from 'node:http';

/**
 * Request headers of one connection only (RFC 9110 §7.6.1), never forwarded; `Connection` may name more. `Expect` too:
 * this server already answered 100-continue (Node does), and the upstream client sends the body without waiting.
 * `Host` and `Authorization` are ours to set.
 */
const NOT_FORWARDED = new Set([
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
  'host',
  'authorization',
]);

/** Response headers of one connection only. */
const HOP_BY_HOP_RESPONSE = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** The header names a `Connection` value lists, beyond the usual keep-alive/close (usually none: undefined). */
function namedByConnection(value: string, named: Set<string> | undefined): Set<string> | undefined {
  for (const part of value.toLowerCase().split(',')) {
    const name = part.trim();
    if (name !== '' && name !== 'keep-alive' && name !== 'close') (named ??= new Set()).add(name);
  }
  return named;
}

/**
 * What goes to the target, as a flat `[name, value, ...]` list in the client's order (`rawHeaders`, repeated headers
 * kept): its end-to-end headers, then the target's Host and our Authorization, replacing any the client sent (a
 * stale token in a tool's settings must not win). Built from the raw list: no header object per request.
 */
export function upstreamHeaders(raw: readonly string[], targetHost: string, token: string): string[] {
  let named: Set<string> | undefined;
  for (let i = 0; i < raw.length; i += 2)
    if (raw[i]?.length === 10 && raw[i]?.toLowerCase() === 'connection')
      named = namedByConnection(raw[i + 1] ?? '', named);
  const kept: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    const lower = name.toLowerCase();
    if (!NOT_FORWARDED.has(lower) && named?.has(lower) !== true) kept.push(name, raw[i + 1] as string);
  }
  kept.push('host', targetHost, 'authorization', `Bearer ${token}`);
  return kept;
}

/** A response's headers without those of one connection only (and those its Connection header names). */
export function responseHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const connection = headers.connection;
  const named = connection === undefined ? undefined : namedByConnection(String(connection), undefined);
  const kept: Record<string, string | string[]> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined && !HOP_BY_HOP_RESPONSE.has(name) && named?.has(name) !== true) kept[name] = value;
  }
  return kept;
}
