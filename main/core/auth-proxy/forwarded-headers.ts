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

/** The header names the `Connection` headers of a flat list name (usually none: undefined). */
function connectionNamed(raw: readonly string[]): Set<string> | undefined {
  let named: Set<string> | undefined;
  for (let i = 0; i < raw.length; i += 2)
    if (raw[i]?.length === 10 && raw[i]?.toLowerCase() === 'connection')
      named = namedByConnection(raw[i + 1] ?? '', named);
  return named;
}

/**
 * What goes to the target, as a flat `[name, value, ...]` list in the client's order (`rawHeaders`, repeated headers
 * kept): its end-to-end headers, then the target's Host and our Authorization, replacing any the client sent (a
 * stale token in a tool's settings must not win). Built from the raw list: no header object per request.
 */
export function upstreamHeaders(raw: readonly string[], targetHost: string, token: string): string[] {
  const named = connectionNamed(raw);
  const kept: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    const lower = name.toLowerCase();
    if (!NOT_FORWARDED.has(lower) && named?.has(lower) !== true) kept.push(name, raw[i + 1] as string);
  }
  kept.push('host', targetHost, 'authorization', `Bearer ${token}`);
  return kept;
}

/** How a request's body is framed on its way to the target. */
export type BodyFraming = 'none' | 'length' | 'chunked';

/** What goes to the target for one request: its head as HTTP/1.1 text, and how its body (if any) follows. */
export interface OutgoingHead {
  head: string;
  body: BodyFraming;
}

/**
 * The request line and headers for the target (upstreamHeaders' list), with `proxyAuthorization` for a proxy that
 * forwards it (an http:// target through HTTP_PROXY, `path` then in absolute form). The body keeps the client's Content-Length;
 * a chunked one (Node's parser has already taken its chunks apart) is sent chunked again.
 */
export function requestHead(
  method: string,
  path: string,
  raw: readonly string[],
  targetHost: string,
  token: string,
  proxyAuthorization?: string,
): OutgoingHead {
  let body: BodyFraming = 'none';
  for (let i = 0; i < raw.length; i += 2) {
    const size = raw[i]?.length;
    if (size !== 14 && size !== 17) continue;
    const name = (raw[i] as string).toLowerCase();
    if (name === 'content-length' && body === 'none' && raw[i + 1] !== '0') body = 'length';
    else if (name === 'transfer-encoding') body = 'chunked';
  }
  const headers = upstreamHeaders(raw, targetHost, token);
  let head = `${method} ${path} HTTP/1.1\r\n`;
  for (let i = 0; i + 1 < headers.length; i += 2) head += `${headers[i] as string}: ${headers[i + 1] as string}\r\n`;
  if (body === 'chunked') head += 'transfer-encoding: chunked\r\n';
  if (proxyAuthorization) head += `proxy-authorization: ${proxyAuthorization}\r\n`;
  return { head: `${head}\r\n`, body };
}

/** A response's headers (a flat `[name, value, ...]` list as sent) without those of one connection only. */
export function responseHeaders(raw: readonly string[]): string[] {
  const named = connectionNamed(raw);
  const kept: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    const lower = name.toLowerCase();
    if (!HOP_BY_HOP_RESPONSE.has(lower) && named?.has(lower) !== true) kept.push(name, raw[i + 1] as string);
  }
  return kept;
}
