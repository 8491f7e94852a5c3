import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatcher, Pool } from 'undici';
import { CtmError } from '../errors.ts';
import { responseHeaders, upstreamHeaders } from './forwarded-headers.ts';
import type { ProxyTokenSource } from './proxy-token.ts';

/** A request body up to this size is kept while it streams, so the request can be sent again after a 401. */
export const REPLAY_LIMIT_BYTES = 1024 * 1024;

/** What every exchange of one proxy shares. */
export interface ExchangeContext {
  upstream: Pool;
  targetHost: string;
  tokens: ProxyTokenSource;
  onProblem?: ((message: string) => void) | undefined;
}

/**
 * Forwards one request to the target with the token and streams the answer back. The token held in memory is used
 * at once (no promise per request); only a read or renewal waits.
 */
export function forwardRequest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  context: ExchangeContext,
): void {
  const length = req.headers['content-length'];
  const hasBody = length !== undefined ? length !== '0' : req.headers['transfer-encoding'] !== undefined;
  const body = hasBody ? 'stream' : null;
  const held = context.tokens.held();
  if (held !== undefined) return new Exchange(req, res, path, context, held, body, false).send();
  context.tokens.current().then(
    (token) => new Exchange(req, res, path, context, token, body, false).send(),
    (error: unknown) => {
      req.resume();
      refuse(res, context, error);
    },
  );
}

/**
 * One try of one request, as undici's dispatch handler: the answer's head and chunks are written to the client as
 * they come (pausing the target while the client is slow), with no stream or promise in between. The body is kept
 * as it is sent (up to the limit): a 401 can then be answered by renewing and sending it again, once.
 */
class Exchange implements Dispatcher.DispatchHandler {
  private readonly req: IncomingMessage;
  private readonly res: ServerResponse;
  private readonly path: string;
  private readonly context: ExchangeContext;
  private readonly token: string;
  private readonly body: 'stream' | Buffer | null;
  private readonly retried: boolean;
  private controller: Dispatcher.DispatchController | undefined;
  private kept: Buffer[] = [];
  private keptBytes = 0;
  private replayable = true;
  private refused = false;
  private clientGone = false;
  private bodySent = false;

  constructor(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    context: ExchangeContext,
    token: string,
    body: 'stream' | Buffer | null,
    retried: boolean,
  ) {
    this.req = req;
    this.res = res;
    this.path = path;
    this.context = context;
    this.token = token;
    this.body = body;
    this.retried = retried;
  }

  /** Sends the request; the answer comes through the on* methods below. */
  send(): void {
    const { req, res } = this;
    res.once('close', () => {
      if (res.writableFinished) return;
      this.clientGone = true;
      this.controller?.abort(new Error('The client closed the connection.'));
    });
    this.context.upstream.dispatch(
      {
        path: this.path,
        method: req.method ?? 'GET',
        headers: upstreamHeaders(req.rawHeaders, this.context.targetHost, this.token),
        body: this.body === 'stream' ? req : this.body,
      },
      this,
    );
  }

  /**
   * @internal undici: a chunk of the body went to the target; a streamed one is kept for a replay. Kept here, not by a
   * 'data' listener of our own: that would start the flow before undici listens, and undici would miss chunks.
   */
  onBodySent(chunk: Buffer): void {
    if (this.body !== 'stream' || !this.replayable) return;
    this.keptBytes += chunk.length;
    if (this.keptBytes > REPLAY_LIMIT_BYTES) {
      this.replayable = false;
      this.kept = [];
    } else this.kept.push(chunk);
  }

  /** @internal undici: the whole body went to the target (all of it is kept, if it fitted). */
  onRequestSent(): void {
    this.bodySent = true;
  }

  /** @internal undici: the request is on its way. */
  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.clientGone) controller.abort(new Error('The client closed the connection.'));
  }

  /** @internal undici: the answer's head (1xx heads are not passed on, as before). */
  onResponseStart(_controller: Dispatcher.DispatchController, status: number, headers: IncomingHttpHeaders): void {
    if (status < 200) return;
    const complete = this.body !== 'stream' || this.bodySent;
    if (status === 401 && !this.retried && this.replayable && complete) this.refused = true;
    else this.res.writeHead(status, responseHeaders(headers));
  }

  /** @internal undici: a chunk of the answer's body. */
  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.refused || this.res.write(chunk)) return;
    controller.pause();
    this.res.once('drain', () => controller.resume());
  }

  /** @internal undici: the answer is complete; a refused one is sent again with a renewed token. */
  onResponseEnd(): void {
    if (!this.refused) return void this.res.end();
    const body = this.body === 'stream' ? Buffer.concat(this.kept) : this.body;
    this.context.tokens.afterRejection(this.token).then(
      (token) => new Exchange(this.req, this.res, this.path, this.context, token, body, true).send(),
      (error: unknown) => refuse(this.res, this.context, error),
    );
  }

  /** @internal undici: the target could not be reached, or the exchange broke off. */
  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.clientGone) return;
    const code = (error as NodeJS.ErrnoException).code ?? 'connection failed';
    this.context.onProblem?.(`The target did not answer (${code}).`);
    if (this.res.headersSent) return void this.res.destroy();
    this.res.writeHead(502, { 'Content-Type': 'text/plain' }).end(`ctm proxy: the target did not answer (${code}).\n`);
  }
}

/** No token to send: 503 with what to do (our errors carry no secret). */
function refuse(res: ServerResponse, context: ExchangeContext, error: unknown): void {
  const message = error instanceof CtmError ? error.message : 'No token could be read for the profile.';
  context.onProblem?.(message);
  if (!res.headersSent) res.writeHead(503, { 'Content-Type': 'text/plain' }).end(`ctm proxy: ${message}\n`);
}
