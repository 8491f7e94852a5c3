import { createServer, request as httpRequest, Agent as HttpAgent, type IncomingMessage, type ServerResponse, type ClientRequest } from 'node:http';
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

/** How one upstream request is made (http or https, with a keep-alive agent). */
export type Send = (path: string, method: string, headers: Record<string, unknown>) => ClientRequest;

/**
 * A loopback reverse proxy that forwards every request under its random prefix to the target with
 * `Authorization: Bearer <fresh token>`, streams bodies both ways, passes WebSocket upgrades, and on a 401 renews the
 * token once and sends the request again when its body was kept (up to REPLAY_LIMIT_BYTES).
 */
export async function startAuthProxy(options: AuthProxyOptions): Promise<RunningAuthProxy> {
  const prefix = newPrefix();
  const secure = options.target.protocol === 'https:';
  const agent = secure ? new HttpsAgent({ keepAlive: true, maxSockets: 256 }) : new HttpAgent({ keepAlive: true, maxSockets: 256 });
  const send: Send = (path, method, headers) => (secure ? httpsRequest : httpRequest)({ protocol: options.target.protocol, hostname: options.target.hostname, port: options.target.port, path, method, headers, agent } as never);
  const server = createServer({ headersTimeout: 30_000, requestTimeout: 0, keepAliveTimeout: 5_000 });
  let port = 0;
  const route = (req: IncomingMessage): string | undefined => (hostAllowed(req.headers.host, port) ? targetPath(req.url, prefix, options.target) : undefined);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = route(req);
    if (path === undefined) return void res.writeHead(404, { 'Content-Type': 'text/plain', Connection: 'close' }).end('Not found.\n');
    void forward(req, res, path, options, send);
  });
  server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    const path = route(req);
    if (path === undefined) return void socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    void passUpgrade({ req, socket, head, path, target: options.target, tokens: options.tokens, send, onProblem: options.onProblem });
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
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
      agent.destroy();
    }),
  };
}

async function forward(req: IncomingMessage, res: ServerResponse, path: string, options: AuthProxyOptions, send: Send): Promise<void> {
  // The body is kept while it streams (up to the limit): a 401 can then be answered by sending it again. Nothing
  // reads the body before it is piped (a 'data' listener would start the flow while the token is still being read).
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
  const attempt = async (token: string, body: 'stream' | Buffer, retried: boolean): Promise<void> => {
    const upstream = send(path, req.method ?? 'GET', upstreamHeaders(req.headers, options.target.host, token) as Record<string, unknown>);
    upstream.on('response', (answer) => {
      if (answer.statusCode === 401 && !retried && replayable && req.complete) {
        answer.resume();
        options.tokens.afterRejection(token).then((renewed) => attempt(renewed, Buffer.concat(kept), true), (error: unknown) => refuse(res, options, error));
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, withoutHopByHop(answer.rawHeaders));
      answer.pipe(res);
      res.on('close', () => answer.destroy());
    });
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (res.headersSent) return void res.destroy();
      options.onProblem?.(`The target did not answer (${error.code ?? 'connection failed'}).`);
      res.writeHead(502, { 'Content-Type': 'text/plain' }).end(`ctm proxy: the target did not answer (${error.code ?? 'connection failed'}).\n`);
    });
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    if (body === 'stream') {
      req.on('data', keep);
      req.pipe(upstream);
    } else upstream.end(body);
  };
  try {
    await attempt(await options.tokens.current(), 'stream', false);
  } catch (error) {
    req.resume();
    refuse(res, options, error);
  }
}

/** No token to send: 503 with what to do (our errors carry no secret). */
function refuse(res: ServerResponse, options: AuthProxyOptions, error: unknown): void {
  const message = error instanceof CtmError ? error.message : 'No token could be read for the profile.';
  options.onProblem?.(message);
  if (!res.headersSent) res.writeHead(503, { 'Content-Type': 'text/plain' }).end(`ctm proxy: ${message}\n`);
}

/** A response's headers, as received (repeated ones kept), without those of one connection only. */
export function withoutHopByHop(raw: string[]): string[] {
  const named = new Set<string>();
  for (let i = 0; i < raw.length; i += 2) if (raw[i]?.toLowerCase() === 'connection') for (const h of (raw[i + 1] ?? '').split(',')) named.add(h.trim().toLowerCase());
  const hop = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', ...named]);
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (!hop.has((raw[i] ?? '').toLowerCase())) kept.push(raw[i] ?? '', raw[i + 1] ?? '');
  return kept;
}
