import { createServer, request, type IncomingMessage, type ServerResponse, type ClientRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostAllowed } from '../token-endpoint/request-guard.ts';
import { forwardRequest, type ExchangeContext } from './proxy-exchange.ts';
import { newPrefix, targetPath } from './proxy-route.ts';
import type { ProxyTokenSource } from './proxy-token.ts';
import { TargetPool } from './target-pool.ts';
import { proxyVia, targetSocket } from './target-socket.ts';
import { passUpgrade } from './upgrade-pass.ts';

/** What the proxy forwards, where, with which tokens. */
export interface AuthProxyOptions {
  target: URL;
  /** 127.0.0.1's port; 0 picks a free one. */
  port: number;
  tokens: ProxyTokenSource;
  /** Told (one line, no secret) when a request could not be served: no token, the target unreachable. */
  onProblem?: (message: string) => void;
  /** Where HTTP(S)_PROXY and NO_PROXY are read (process.env when not given). */
  env?: NodeJS.ProcessEnv;
}

/** A listening proxy. */
export interface RunningAuthProxy {
  /** `http://127.0.0.1:<port>/<prefix>/`: the only URL it answers under. */
  readonly url: string;
  readonly port: number;
  /** The proxy the target is reached through, as `scheme://host:port (from VARIABLE)`; undefined: directly. */
  readonly through: string | undefined;
  close(): Promise<void>;
}

/** How one upgrade request is made (on a socket of its own from targetSocket); other requests go through the TargetPool. */
export type Send = (path: string, method: string, headers: string[]) => ClientRequest;

/**
 * A loopback reverse proxy that forwards every request under its random prefix to the target with
 * `Authorization: Bearer <fresh token>`, streams bodies both ways, passes WebSocket upgrades, and on a 401 renews the
 * token once and sends the request again when its body was kept (up to REPLAY_LIMIT_BYTES, see proxy-exchange.ts).
 */
export async function startAuthProxy(options: AuthProxyOptions): Promise<RunningAuthProxy> {
  const prefix = newPrefix();
  const via = proxyVia(options.target, options.env ?? process.env);
  const pool = new TargetPool(options.target, via);
  const context: ExchangeContext = {
    upstream: pool,
    targetHost: options.target.host,
    tokens: options.tokens,
    onProblem: options.onProblem,
    forward: via && options.target.protocol === 'http:' ? { origin: options.target.origin, via } : undefined,
  };
  const send: Send = (path, method, headers) =>
    request({
      host: options.target.hostname,
      path,
      method,
      headers,
      createConnection: (_options, ready) => {
        targetSocket(options.target, via).then(
          (socket) => ready(null, socket),
          (error: Error) => ready(error, undefined as never),
        );
        return undefined;
      },
    });
  const server = createServer({ headersTimeout: 30_000, requestTimeout: 0, keepAliveTimeout: 5_000 });
  let port = 0;
  const route = (req: IncomingMessage): string | undefined =>
    hostAllowed(hostOf(req.rawHeaders), port) ? targetPath(req.url, prefix, options.target) : undefined;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = route(req);
    if (path === undefined)
      return void res.writeHead(404, { 'Content-Type': 'text/plain', Connection: 'close' }).end('Not found.\n');
    forwardRequest(req, res, path, context);
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
    through: via ? `${via.named.address} (from ${via.route.variable})` : undefined,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        pool.close();
      }),
  };
}

/** The first Host header, read from the raw list (Node's own choice too), without building the header object. */
function hostOf(raw: readonly string[]): string | undefined {
  for (let i = 0; i < raw.length; i += 2)
    if (raw[i]?.length === 4 && raw[i]?.toLowerCase() === 'host') return raw[i + 1];
  return undefined;
}
