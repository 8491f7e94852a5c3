import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { answerSts } from './aws/sts-endpoint.ts';
import { answerControl } from './control-endpoint.ts';
import type { EmulatorState } from './emulator-state.ts';
import type { FaultPlan } from './fault-controller.ts';
import { answerOperation } from './operation-dispatch.ts';
import { answerOAuth } from './oauth/oauth-routes.ts';
import { sendJson } from './wire-response.ts';

/** One request as the emulator received it. */
export interface RecordedRequest {
  operation: string;
  body: Record<string, unknown>;
  headers: Record<string, string>;
  /** The emulator clock (ms) when it arrived. */
  at: number;
}

/** What the HTTP layer needs from the emulator. */
export interface ServerContext {
  state: EmulatorState;
  requests: RecordedRequest[];
  faults: FaultPlan;
  revokeAllFor(username: string): void;
}

const maxBody = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBody) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBody ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function answer(context: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (context.faults.isDown()) {
    req.socket.destroy();
    return;
  }
  const text = await readBody(req);
  if (text === undefined)
    return sendJson(res, 413, { __type: 'SerializationException', message: 'Request body too large' });
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const jwks = /^\/([^/]+)\/\.well-known\/jwks\.json$/.exec(path);
  if (req.method === 'GET' && jwks) {
    const pool = context.state.pools.get(decodeURIComponent(jwks[1] ?? ''));
    if (!pool) return sendJson(res, 404, { message: 'User pool does not exist.' }, 'application/json');
    return sendJson(res, 200, { keys: [pool.signer.jwk] }, 'application/json');
  }
  // The managed-login domain (/oauth2/*, /login, /mfa) and OIDC discovery live in oauth/.
  if (answerOAuth(context.state, req, res, path, text, context.requests)) return;
  if (path.startsWith('/__emulator/')) return answerControl(context, req, res, path, text);
  if (req.method !== 'POST' || path !== '/') {
    return sendJson(res, 404, {
      __type: 'UnknownOperationException',
      message: `No route for ${req.method ?? ''} ${path}`,
    });
  }
  // STS's query protocol (a form body, no X-Amz-Target) on the same endpoint, as LocalStack and moto serve it.
  if ((req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(',') : (value ?? ''),
      ]),
    );
    context.requests.push({
      operation: 'sts:' + (new URLSearchParams(text).get('Action') ?? ''),
      body: Object.fromEntries(new URLSearchParams(text)),
      headers,
      at: context.state.clock.now(),
    });
    return answerSts(
      context.state.aws,
      { method: 'POST', path, query: (req.url ?? '').split('?')[1] ?? '', headers, body: text },
      res,
      context.state.clock.now(),
    );
  }
  await answerOperation(context, req, res, text, sleep);
}

/** An HTTP server that speaks Cognito's JSON 1.1 protocol for the given emulator. */
export function createEmulatorServer(context: ServerContext): Server {
  const server = createServer((req, res) => {
    answer(context, req, res).catch((error: unknown) => {
      console.error('[cognito-emulator] request failed:', error instanceof Error ? error.message : error);
      if (!res.headersSent) sendJson(res, 500, { __type: 'InternalErrorException', message: 'Internal server error' });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    if (context.faults.isDown()) socket.destroy();
  });
  server.keepAliveTimeout = 5_000;
  return server;
}
