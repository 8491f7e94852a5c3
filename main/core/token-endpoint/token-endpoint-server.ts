import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CtmError } from '../errors.ts';
import { corsHeaders, hostAllowed, originVerdict } from './request-guard.ts';
import type { TokenResponse } from './token-grant.ts';
import { TokenEndpointError } from './token-errors.ts';

/** The path of the token endpoint; anything else is 404. */
export const TOKEN_PATH = '/oauth2/token';
/** A token request is a short form; a bigger body is refused before it is read (413). */
export const MAX_BODY_BYTES = 8 * 1024;
/** Headers larger than this are refused by Node's parser (431). */
const MAX_HEADER_BYTES = 8 * 1024;

/** How the endpoint is served. */
export interface TokenEndpointServerOptions {
  /** 127.0.0.1's port; 0 picks a free one (tests). */
  port: number;
  /** The origins allowed to call; asked only when a request carries an Origin, so a settings change applies at once. */
  allowedOrigins(): Promise<readonly string[]>;
  /** Answers an authenticated grant or throws a TokenEndpointError. */
  grant(authorization: string | undefined, form: URLSearchParams): Promise<TokenResponse>;
}

/** A listening endpoint. */
export interface RunningTokenEndpoint {
  readonly port: number;
  /** `http://127.0.0.1:<port>/oauth2/token`. */
  readonly tokenUrl: string;
  close(): Promise<void>;
}

/** Where the endpoint of a port answers. */
export function tokenUrlFor(port: number): string {
  return `http://127.0.0.1:${port}${TOKEN_PATH}`;
}

/**
 * Serves the token endpoint on 127.0.0.1 only. Slow clients are cut off (headers within 5 s, the whole request within
 * 10 s: slowloris), bodies are capped, and every answer says `no-store` (RFC 6749 §5.1).
 */
export async function startTokenEndpointServer(options: TokenEndpointServerOptions): Promise<RunningTokenEndpoint> {
  const server = createServer(
    {
      maxHeaderSize: MAX_HEADER_BYTES,
      headersTimeout: 5_000,
      requestTimeout: 10_000,
      keepAliveTimeout: 5_000,
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => {
      handle(options, server, req, res).catch(() =>
        answer(res, 500, { error: 'server_error', error_description: 'The endpoint failed unexpectedly.' }),
      );
    },
  );
  server.maxConnections = 256;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    tokenUrl: tokenUrlFor(port),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(
  options: TokenEndpointServerOptions,
  server: Server,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const port = (server.address() as AddressInfo).port;
  if (!hostAllowed(req.headers.host, port))
    return answer(
      res,
      403,
      { error: 'invalid_request', error_description: `Host must be 127.0.0.1:${port} or localhost:${port}.` },
      {},
      true,
    );
  const origin = req.headers.origin;
  const verdict = originVerdict(origin, origin === undefined ? [] : await options.allowedOrigins().catch(() => []));
  if (verdict === 'refused')
    return answer(
      res,
      403,
      {
        error: 'invalid_request',
        error_description:
          'Requests from web pages are refused. To allow this page, run: ctm endpoint settings --allow-origin ORIGIN',
      },
      {},
      true,
    );
  const cors = verdict === 'allowed' && origin !== undefined ? corsHeaders(origin, req.method === 'OPTIONS') : {};
  const path = (req.url ?? '').split('?')[0];
  if (path !== TOKEN_PATH)
    return answer(
      res,
      404,
      { error: 'invalid_request', error_description: `Not found; the token endpoint is ${TOKEN_PATH}.` },
      cors,
      true,
    );
  if (req.method === 'OPTIONS' && verdict === 'allowed') return answer(res, 204, undefined, cors, true);
  if (req.method !== 'POST')
    return answer(
      res,
      405,
      { error: 'invalid_request', error_description: 'Use POST.' },
      { ...cors, Allow: 'POST' },
      true,
    );
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded')
    return answer(
      res,
      400,
      {
        error: 'invalid_request',
        error_description: 'Send the request as application/x-www-form-urlencoded (RFC 6749 §4.4.2).',
      },
      cors,
      true,
    );
  const body = await readBody(req);
  if (body === undefined)
    return answer(
      res,
      413,
      { error: 'invalid_request', error_description: `The request body is larger than ${MAX_BODY_BYTES} bytes.` },
      cors,
      true,
    );
  try {
    const response = await options.grant(req.headers.authorization, new URLSearchParams(body));
    answer(res, 200, response, cors);
  } catch (error) {
    if (error instanceof TokenEndpointError)
      return answer(
        res,
        error.status,
        { error: error.code, error_description: error.message },
        { ...cors, ...error.headers },
      );
    const description = error instanceof CtmError ? error.message : 'The endpoint failed unexpectedly.';
    answer(res, 500, { error: 'server_error', error_description: description }, cors);
  }
}

/** The body as text, or undefined once it passes MAX_BODY_BYTES (the connection is then closed after the answer). */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function answer(
  res: ServerResponse,
  status: number,
  body: object | undefined,
  headers: Record<string, string> = {},
  close = false,
): void {
  if (res.headersSent) return;
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    ...(body === undefined ? {} : { 'Content-Type': 'application/json;charset=UTF-8' }),
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(text);
}
