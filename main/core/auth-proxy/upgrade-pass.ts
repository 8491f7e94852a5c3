import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CtmError } from '../errors.ts';
import type { Send } from './auth-proxy.ts';
import { upstreamHeaders } from './forwarded-headers.ts';
import type { ProxyTokenSource } from './proxy-token.ts';
import { targetFailure } from './target-failure.ts';

/** One upgrade (a WebSocket handshake) to pass through. */
export interface UpgradeRequest {
  req: IncomingMessage;
  socket: Duplex;
  head: Buffer;
  path: string;
  target: URL;
  tokens: ProxyTokenSource;
  send: Send;
  onProblem?: ((message: string) => void) | undefined;
}

/**
 * Passes an upgrade to the target with our Authorization, then joins the two sockets: frames flow both ways untouched.
 * A handshake the target refuses with 401 is renewed and sent once more (it has no body); any other answer goes back
 * to the client as it came.
 */
export async function passUpgrade(request: UpgradeRequest, retriedAfter?: string): Promise<void> {
  const { req, socket, head } = request;
  socket.on('error', () => socket.destroy());
  let token: string;
  try {
    token =
      retriedAfter === undefined ? await request.tokens.current() : await request.tokens.afterRejection(retriedAfter);
  } catch (error) {
    const message = error instanceof CtmError ? error.message : 'No token could be read for the profile.';
    request.onProblem?.(message);
    return void socket.end(
      `HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nctm proxy: ${message}\n`,
    );
  }
  const headers = upstreamHeaders(req.rawHeaders, request.target.host, token);
  headers.push('connection', 'Upgrade', 'upgrade', req.headers.upgrade ?? 'websocket');
  const upstream = request.send(request.path, req.method ?? 'GET', headers);
  upstream.on('upgrade', (answer, upstreamSocket, upstreamHead: Buffer) => {
    socket.write(statusAndHeaders(answer));
    if (upstreamHead.length > 0) socket.write(upstreamHead);
    if (head.length > 0) upstreamSocket.write(head);
    upstreamSocket.on('error', () => socket.destroy());
    socket.on('close', () => upstreamSocket.destroy());
    upstreamSocket.on('close', () => socket.destroy());
    socket.pipe(upstreamSocket).pipe(socket);
  });
  upstream.on('response', (answer) => {
    if (answer.statusCode === 401 && retriedAfter === undefined) {
      answer.resume();
      return void passUpgrade(request, token);
    }
    socket.write(statusAndHeaders(answer, true));
    answer.pipe(socket);
  });
  upstream.on('error', (error: Error) => {
    request.onProblem?.(`The target ${targetFailure(error)}.`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  upstream.end();
}

/** The status line and headers of an answer, as bytes for the client's socket (`close`: this connection ends after it). */
function statusAndHeaders(answer: IncomingMessage, close = false): string {
  const lines = [`HTTP/1.1 ${answer.statusCode ?? 502} ${answer.statusMessage ?? ''}`];
  const raw = answer.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] ?? '';
    if (close && /^(connection|transfer-encoding|keep-alive)$/i.test(name)) continue;
    lines.push(`${name}: ${raw[i + 1] ?? ''}`);
  }
  if (close) lines.push('Connection: close');
  return `${lines.join('\r\n')}\r\n\r\n`;
}
