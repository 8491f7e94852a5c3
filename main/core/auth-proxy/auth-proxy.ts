import {
  createServer,
  request as httpRequest,
  Agent as HttpAgent,
  type IncomingMessage,
  type ServerResponse,
  type ClientRequest,
} from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { CtmError } from '../errors.ts';
import { hostAllowed } from '../token-endpoint/request-guard.ts';
import { upstreamHeaders } from './forwarded-headers.ts';
import { newPrefix, targetPath } from './proxy-route.ts';
import type { ProxyTokenSource } from './proxy-token.ts';
import { passUpgrade } from './upgrade-pass.ts';

/** A request body up to this size is kept while it streams, so the request can be sent again after a 401. */
export const REPLAY_LIMIT_BYTES = 1024 * 1024;

/** What the proxy forwards, where, with which tokens. */
export interface AuthProxyOptions {
  target: URL;
  /** 127.0.0.1's port; 0 picks a free one. */
  port: number;
  tokens: ProxyTokenSource;
  /** Told (one line, no secret) when a request could not be served: no token, the target unreachable. */
  onProblem?: (message: string) => void;
}

/** A listening proxy. */
export interface RunningAuthProxy {
  /** `http://127.0.0.1:<port>/<prefix>/`: the only URL it answers under. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** How one upgrade request is made (http or https, with a keep-alive agent); other requests go through undici. */
export type Send = (path: string, method: string, headers: Record<string, unknown>) => ClientRequest;

/**
 * A loopback reverse proxy that forwards every request under its random prefix to the target with
 * `Authorization: Bearer <fresh token>`, streams bodies both ways, passes WebSocket upgrades, and on a 401 renews the
 * token once and sends the request again when its body was kept (up to REPLAY_LIMIT_BYTES).
 */
export async function startAuthProxy(options: AuthProxyOptions): Promise<RunningAuthProxy> {
  const prefix = newPrefix();
  // Loaded here, not at the top: every other ctm command would pay for parsing undici at start-up.
  const { Pool } = await import('undici');
  const pool = new Pool(options.target.origin, { connections: 256, keepAliveTimeout: 4_000 });
  const secure = options.target.protocol === 'https:';
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, maxSockets: 256 })
    : new HttpAgent({ keepAlive: true, maxSockets: 256 });
  const send: Send = (path, method, headers) =>
    (secure ? httpsRequest : httpRequest)({
      protocol: options.target.protocol,
      hostname: options.target.hostname,
      port: options.target.port,
      path,
      method,
      headers,
      agent,
    } as never);
  const server = createServer({ headersTimeout: 30_000, requestTimeout: 0, keepAliveTimeout: 5_000 });
  let port = 0;
  const route = (req: IncomingMessage): string | undefined =>
    hostAllowed(req.headers.host, port) ? targetPath(req.url, prefix, options.target) : undefined;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = route(req);
    if (path === undefined)
      return void res.writeHead(404, { 'Content-Type': 'text/plain', Connection: 'close' }).end('Not found.\n');
    void forward(req, res, path, options, pool);
  });
  server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    const path = route(req);
    if (path === undefined)
      return void socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    void passUpgrade({
      req,
      socket,
      head,
      path,
      target: options.target,
      tokens: options.tokens,
      send,
      onProblem: options.onProblem,
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/${prefix}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
        void pool.destroy();
      }),
  };
}

/** The upstream connection pool: undici's (about twice the throughput of node:http's Agent here, see BENCHMARKS.md). */
type Upstream = InstanceType<typeof import('undici').Pool>;

async function forward(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  options: AuthProxyOptions,
  upstream: Upstream,
): Promise<void> {
  // The body is kept while it streams (up to the limit): a 401 can then be answered by sending it again. Nothing
  // reads the body before it is handed on (a 'data' listener would start the flow while the token is still read).
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let replayable = true;
  const keep = (chunk: Buffer): void => {
    if (!replayable) return;
    keptBytes += chunk.length;
    if (keptBytes > REPLAY_LIMIT_BYTES) {
      replayable = false;
      kept.length = 0;
    } else kept.push(chunk);
  };
  const hasBody =
    req.headers['content-length'] !== undefined
      ? req.headers['content-length'] !== '0'
      : req.headers['transfer-encoding'] !== undefined;
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  const attempt = async (token: string, body: 'stream' | Buffer | undefined, retried: boolean): Promise<void> => {
    if (body === 'stream') req.on('data', keep);
    const { host: _host, ...headers } = upstreamHeaders(req.headers, options.target.host, token);
    let answer;
    try {
      answer = await upstream.request({
        path,
        method: (req.method ?? 'GET') as 'GET',
        headers: headers as Record<string, string>,
        body: body === 'stream' ? req : (body ?? null),
        signal: abort.signal,
      });
    } catch (error) {
      if (abort.signal.aborted) return;
      const code = (error as NodeJS.ErrnoException).code ?? 'connection failed';
      options.onProblem?.(`The target did not answer (${code}).`);
      if (!res.headersSent)
        res.writeHead(502, { 'Content-Type': 'text/plain' }).end(`ctm proxy: the target did not answer (${code}).\n`);
      else res.destroy();
      return;
    }
    if (answer.statusCode === 401 && !retried && replayable && (body !== 'stream' || req.complete)) {
      await answer.body.dump().catch(() => undefined);
      return attempt(await options.tokens.afterRejection(token), body === 'stream' ? Buffer.concat(kept) : body, true);
    }
    res.writeHead(answer.statusCode, responseHeaders(answer.headers));
    answer.body.on('error', () => res.destroy());
    answer.body.pipe(res);
  };
  try {
    await attempt(await options.tokens.current(), hasBody ? 'stream' : undefined, false);
  } catch (error) {
    req.resume();
    refuse(res, options, error);
  }
}

/** A response's headers without those of one connection only (and those its Connection header names). */
export function responseHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string | string[]> {
  const named = new Set(
    String(headers.connection ?? '')
      .toLowerCase()
      .split(',')
      .map((h) => h.trim()),
  );
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && !HOP_BY_HOP_RESPONSE.has(name) && !named.has(name)) kept[name] = value;
  return kept;
}

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

/** No token to send: 503 with what to do (our errors carry no secret). */
function refuse(res: ServerResponse, options: AuthProxyOptions, error: unknown): void {
  const message = error instanceof CtmError ? error.message : 'No token could be read for the profile.';
  options.onProblem?.(message);
  if (!res.headersSent) res.writeHead(503, { 'Content-Type': 'text/plain' }).end(`ctm proxy: ${message}\n`);
}
