import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { WebSocketServer } from 'ws';

/** How the test API trusts tokens: the emulator's pool (issuer, JWKS) and its clock. */
export interface ProtectedApiOptions {
  /** The emulator's endpoint (`http://127.0.0.1:PORT/`). */
  emulatorEndpoint: string;
  poolId: string;
  region?: string;
  /** The emulator's clock, so expiry is judged in the time that minted the tokens. */
  now(): number;
}

/** A small API protected by Cognito JWTs, for tests: what a team's real API Gateway or Express server does. */
export interface ProtectedApi {
  url: string;
  /** Every Authorization header received, in order (to see what a proxy sent). */
  readonly authorizations: string[];
  /** Answers 401 to this exact token from now on (the API's view: revoked), as an API does after a sign-out. */
  reject(token: string): void;
  close(): Promise<void>;
}

/**
 * Starts the API. It verifies the bearer token as AWS documents for Cognito JWTs (signature with the pool's JWKS,
 * `iss`, `exp`, `token_use`; amazon-cognito-user-pools-using-tokens-verifying-a-jwt) and serves:
 * GET /me (the token's claims), POST /echo (streams the body back), GET /bytes?n=N (N bytes, streamed) and a
 * WebSocket echo at /ws (the handshake checked the same way).
 */
export async function startProtectedApi(options: ProtectedApiOptions): Promise<ProtectedApi> {
  const region = options.region ?? options.poolId.split('_')[0];
  const issuer = `https://cognito-idp.${region}.amazonaws.com/${options.poolId}`;
  const keys = createRemoteJWKSet(new URL(`${options.emulatorEndpoint}${options.poolId}/.well-known/jwks.json`));
  const authorizations: string[] = [];
  const rejected = new Set<string>();
  const verify = async (req: IncomingMessage): Promise<JWTPayload | undefined> => {
    const header = req.headers.authorization ?? '';
    authorizations.push(header);
    const token = /^Bearer (\S+)$/.exec(header)?.[1];
    if (!token || rejected.has(token)) return undefined;
    try {
      const { payload } = await jwtVerify(token, keys, { issuer, currentDate: new Date(options.now()) });
      return payload.token_use === 'access' || payload.token_use === 'id' ? payload : undefined;
    } catch {
      return undefined;
    }
  };
  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', (ws) => ws.on('message', (data, binary) => ws.send(data, { binary })));
  const server = createServer((req, res) => void serve(req, res, verify));
  server.on('upgrade', (req, socket, head) => {
    void verify(req).then((claims) => {
      if (!claims || !req.url?.startsWith('/ws'))
        return void socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    authorizations,
    reject: (token) => void rejected.add(token),
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  verify: (req: IncomingMessage) => Promise<JWTPayload | undefined>,
): Promise<void> {
  const claims = await verify(req);
  if (!claims) {
    req.resume();
    return void res
      .writeHead(401, { 'WWW-Authenticate': 'Bearer error="invalid_token"', 'Content-Type': 'application/json' })
      .end('{"message":"Unauthorized"}');
  }
  const url = new URL(req.url ?? '/', 'http://api.invalid');
  if (url.pathname === '/me') {
    req.resume();
    return void res
      .writeHead(200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ sub: claims.sub, token_use: claims.token_use, client_id: claims.client_id ?? claims.aud }));
  }
  if (url.pathname === '/echo' && req.method === 'POST') {
    // Streamed back as it arrives; the SHA-256 of what came is a trailer-free header-free check: the last line.
    const hash = createHash('sha256');
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    req.on('data', (chunk: Buffer) => hash.update(chunk));
    req.pipe(res, { end: false });
    req.on('end', () => res.end(`\n${hash.digest('hex')}`));
    return;
  }
  if (url.pathname === '/bytes') {
    req.resume();
    return void streamBytes(res, Number(url.searchParams.get('n') ?? 0));
  }
  req.resume();
  res.writeHead(404).end();
}

/** Writes `n` bytes (a repeating pattern) with backpressure, without holding them in memory. */
function streamBytes(res: ServerResponse, n: number): void {
  const block = Buffer.alloc(64 * 1024, 'ctm-proxy-test-');
  let left = n;
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(n) });
  const pump = (): void => {
    while (left > 0) {
      const piece = left >= block.length ? block : block.subarray(0, left);
      left -= piece.length;
      if (!res.write(piece)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}
