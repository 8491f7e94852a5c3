import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { plainText } from '../../shared/plain-text.ts';
import { CtmError } from '../errors.ts';

/** What the browser brought back to the loopback redirect. */
export interface AuthorizationResponse {
  code: string;
}

/** A running loopback listener: the redirect_uri to send, the awaited code, and a way to stop early. */
export interface LoopbackListener {
  redirectUri: string;
  response: Promise<AuthorizationResponse>;
  close(): void;
}

/** Managed login answered with an OAuth error (access_denied, invalid_scope...) or never came back. */
export class AuthorizationFailedError extends CtmError {
  override readonly name: string = 'AuthorizationFailedError';
  constructor(message: string) {
    super('sign-in-required', message);
  }
}

const DONE_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Signed in</title><p>Signed in. You can close this window and return to Cognito Token Manager.</p>';
const FAILED_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Sign-in failed</title><p>The sign-in did not complete. Return to Cognito Token Manager for details.</p>';

/**
 * Listens on http://127.0.0.1:<random port>/callback for one authorization response (RFC 8252 §7.3: the
 * loopback IP literal, not "localhost", and never another interface). Only a response carrying our `state`
 * counts; it ends the listener, as does the timeout or close(). Anything else is answered 400 and ignored.
 * `fixedPort` 0 (the default) lets the OS pick; a fixed port is for pools whose callback URL names one.
 */
export async function startLoopbackListener(
  expectedState: string,
  timeoutMs: number,
  fixedPort = 0,
): Promise<LoopbackListener> {
  let settle: { resolve: (r: AuthorizationResponse) => void; reject: (e: Error) => void } | undefined;
  const response = new Promise<AuthorizationResponse>((resolve, reject) => (settle = { resolve, reject }));
  response.catch(() => undefined); // the caller may close before awaiting
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // "connection: close": no kept-alive socket outlives the listener's one use.
    const reply = (status: number, page: string): void =>
      void res
        .writeHead(status, {
          'content-type': 'text/html;charset=utf-8',
          'cache-control': 'no-store',
          connection: 'close',
        })
        .end(page);
    if (finished) return reply(400, FAILED_PAGE);
    if (req.method !== 'GET' || url.pathname !== '/callback' || url.searchParams.get('state') !== expectedState)
      return reply(400, FAILED_PAGE);
    const code = url.searchParams.get('code');
    const error = url.searchParams.get('error');
    if (code) {
      reply(200, DONE_PAGE);
      finish(() => settle?.resolve({ code }));
    } else {
      reply(400, FAILED_PAGE);
      finish(() =>
        settle?.reject(
          new AuthorizationFailedError(
            `Managed login answered "${plainText(error ?? 'no code', 100)}"${url.searchParams.get('error_description') ? `: ${plainText(url.searchParams.get('error_description'))}` : ''}. Check the app client's allowed OAuth flows, scopes and callback URLs.`,
          ),
        ),
      );
    }
  });
  const timer = setTimeout(
    () =>
      finish(() =>
        settle?.reject(
          new AuthorizationFailedError(
            `No answer from the browser within ${Math.round(timeoutMs / 1000)} seconds; run the sign-in again.`,
          ),
        ),
      ),
    timeoutMs,
  );
  timer.unref();
  let finished = false;
  function finish(then: () => void): void {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    server.close();
    server.closeIdleConnections();
    then();
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'EADDRINUSE'
          ? new AuthorizationFailedError(
              `Port ${fixedPort} on 127.0.0.1 is in use, so the browser's redirect cannot be received; close what uses it or change the profile's callback port.`,
            )
          : error,
      );
    });
    server.listen(fixedPort, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    response,
    close: () => finish(() => settle?.reject(new AuthorizationFailedError('The sign-in was cancelled.'))),
  };
}
