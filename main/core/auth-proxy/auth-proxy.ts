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
import { hostAllowed } from '../token-endpoint/request-guard.ts';
import { forwardRequest, type ExchangeContext } from './proxy-exchange.ts';
import { newPrefix, targetPath } from './proxy-route.ts';
import type { ProxyTokenSource } from './proxy-token.ts';
import { TargetPool } from './target-pool.ts';
import { passUpgrade } from './upgrade-pass.ts';

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

/** How one upgrade request is made (http or https, with a keep-alive agent); other requests go through the TargetPool. */
export type Send = (path: string, method: string, headers: string[]) => ClientRequest;

/**
 * A loopback reverse proxy that forwards every request under its random prefix to the target with
 * `Authorization: Bearer <fresh token>`, streams bodies both ways, passes WebSocket upgrades, and on a 401 renews the
 * token once and sends the request again when its body was kept (up to REPLAY_LIMIT_BYTES, see proxy-exchange.ts).
 */
export async function startAuthProxy(options: AuthProxyOptions): Promise<RunningAuthProxy> {
  const prefix = newPrefix();
  const pool = new TargetPool(options.target);
  const context: ExchangeContext = {
    upstream: pool,
    targetHost: options.target.host,
    tokens: options.tokens,
    onProblem: options.onProblem,
  };
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
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
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
