import { request } from 'node:http';
import { connect } from 'node:net';

/** One HTTP answer as received. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with full control over Host, Origin and the body (fetch would set or refuse some of them). */
export function rawRequest(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'POST',
        path: options.path ?? '/oauth2/token',
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A form POST to the token endpoint, as an OAuth client sends it. */
export function tokenRequest(
  port: number,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  return rawRequest(port, {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

/** `Authorization: Basic` for a client id and secret, form-encoded first as RFC 6749 §2.3.1 says. */
export function basic(clientId: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

/**
 * Slowloris: opens a connection and sends a request's first bytes, then one byte at a time every 500 ms, never
 * finishing: of a header (`headers`), or, after complete headers announcing 1,000 bytes, of the body (`body`).
 * Resolves with what the server did: closed the connection (with whatever it wrote), or still open after `giveUpMs`.
 */
export function slowloris(
  port: number,
  giveUpMs: number,
  part: 'headers' | 'body' = 'headers',
): Promise<{ closed: boolean; received: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let done = false;
    const finish = (closed: boolean): void => {
      if (done) return;
      done = true;
      clearInterval(drip);
      clearTimeout(limit);
      socket.destroy();
      resolve({ closed, received });
    };
    const start = `POST /oauth2/token HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`;
    socket.on('connect', () =>
      socket.write(
        part === 'headers'
          ? `${start}X-Slow: `
          : `${start}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\ngrant_type=client_credentials&pad=`,
      ),
    );
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    const drip = setInterval(() => socket.write('a'), 500);
    const limit = setTimeout(() => finish(false), giveUpMs);
  });
}
