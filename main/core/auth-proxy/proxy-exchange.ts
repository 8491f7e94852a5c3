import type { IncomingMessage, ServerResponse } from 'node:http';
import { CtmError } from '../errors.ts';
import { requestHead, responseHeaders, type BodyFraming } from './forwarded-headers.ts';
import type { ProxyTokenSource } from './proxy-token.ts';
import type { ConnectionUser, TargetConnection } from './target-connection.ts';
import type { TargetPool } from './target-pool.ts';
import { MalformedAnswerError } from './answer-reader.ts';
import { targetFailure } from './target-failure.ts';
import { proxyRefusal, type ProxyVia } from './target-socket.ts';

/** A request body up to this size is kept while it streams, so the request can be sent again after a 401. */
export const REPLAY_LIMIT_BYTES = 1024 * 1024;

/** What every exchange of one proxy shares. */
export interface ExchangeContext {
  upstream: TargetPool;
  targetHost: string;
  tokens: ProxyTokenSource;
  onProblem?: ((message: string) => void) | undefined;
  /** An http:// target reached through a proxy: its origin (requests go in absolute form) and the proxy. */
  forward?: { origin: string; via: ProxyVia } | undefined;
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
  const held = context.tokens.held();
  if (held !== undefined) return new Exchange(req, res, path, context, held).start();
  context.tokens.current().then(
    (token) => new Exchange(req, res, path, context, token).start(),
    (error: unknown) => {
      req.resume();
      refuse(res, context, error);
    },
  );
}

const END_OF_CHUNKS = '0\r\n\r\n';

/**
 * One client request on its way through: its head and body go to a pooled connection to the target, the answer's head
 * and pieces come back to the client as they arrive (the target is paused while the client is slow). The body is kept
 * as it is sent (up to the limit): a 401 can then be answered by renewing the token and sending it again, once.
 */
class Exchange implements ConnectionUser {
  private readonly req: IncomingMessage;
  private readonly res: ServerResponse;
  private readonly path: string;
  private readonly context: ExchangeContext;
  private token: string;
  private framing: BodyFraming = 'none';
  private connection: TargetConnection | undefined;
  /** The body as sent so far, for a replay; undefined once it outgrew the limit. */
  private kept: Buffer[] | undefined = [];
  private keptBytes = 0;
  private bodyRead = false;
  private requestSent = false;
  private retried = false;
  private reconnected = false;
  private refused = false;
  private clientGone = false;

  constructor(req: IncomingMessage, res: ServerResponse, path: string, context: ExchangeContext, token: string) {
    this.req = req;
    this.res = res;
    this.path = path;
    this.context = context;
    this.token = token;
  }

  /** Sends the request; the answer comes through the ConnectionUser methods below. */
  start(): void {
    this.res.once('close', () => {
      if (this.res.writableFinished) return;
      this.clientGone = true;
      const connection = this.connection;
      this.connection = undefined;
      if (connection) this.context.upstream.discard(connection);
    });
    this.send();
  }

  private send(): void {
    this.context.upstream.acquire(
      (connection) => this.sendOn(connection),
      (error) => this.broken(error, false),
    );
  }

  private sendOn(connection: TargetConnection): void {
    if (this.clientGone) return this.context.upstream.release(connection);
    this.connection = connection;
    this.requestSent = false;
    const { req } = this;
    const { forward } = this.context;
    const outgoing = requestHead(
      req.method ?? 'GET',
      forward ? `${forward.origin}${this.path}` : this.path,
      req.rawHeaders,
      this.context.targetHost,
      this.token,
      forward?.via.authorization,
    );
    this.framing = outgoing.body;
    connection.begin(this, req.method ?? 'GET', outgoing.head);
    if (outgoing.body === 'none') this.requestSent = true;
    else if (!this.bodyRead) this.pumpBody();
    else this.sendKept(connection);
  }

  /** Streams the client's body to the target, keeping a copy for a replay while it fits. */
  private pumpBody(): void {
    this.bodyRead = true;
    const { req } = this;
    req.on('data', (chunk: Buffer) => {
      if (this.kept) {
        this.keptBytes += chunk.length;
        if (this.keptBytes > REPLAY_LIMIT_BYTES) this.kept = undefined;
        else this.kept.push(chunk);
      }
      const connection = this.connection;
      if (!connection || this.requestSent) return;
      if (!this.writeBody(connection, chunk)) {
        req.pause();
        connection.drained(() => req.resume());
      }
    });
    req.on('end', () => {
      const connection = this.connection;
      if (!connection || this.requestSent) return;
      if (this.framing === 'chunked') connection.write(END_OF_CHUNKS);
      this.requestSent = true;
    });
  }

  /** A replay: the kept body, in the framing of the first try. */
  private sendKept(connection: TargetConnection): void {
    const body = Buffer.concat(this.kept ?? []);
    if (body.length > 0) this.writeBody(connection, body);
    if (this.framing === 'chunked') connection.write(END_OF_CHUNKS);
    this.requestSent = true;
  }

  private writeBody(connection: TargetConnection, chunk: Buffer): boolean {
    if (this.framing !== 'chunked') return connection.write(chunk);
    if (chunk.length === 0) return true;
    connection.write(`${chunk.length.toString(16)}\r\n`);
    connection.write(chunk);
    return connection.write('\r\n');
  }

  /** @internal the answer's head (a refused first try is not passed on when the request can be sent again). */
  head(status: number, headers: string[]): void {
    // Through a forwarding proxy a 407 is the proxy's, not the target's: said as such (and the connection closed).
    const { forward } = this.context;
    if (status === 407 && forward) throw proxyRefusal(forward.via, '407', forward.origin);
    if (status === 401 && !this.retried && this.kept !== undefined && this.requestSent) {
      this.refused = true;
      return;
    }
    try {
      this.res.writeHead(status, responseHeaders(headers));
    } catch (error) {
      // Node refuses to send a header name or value with characters HTTP does not allow (its message names the header).
      throw new MalformedAnswerError(`a header it may not send (${(error as Error).message})`);
    }
  }

  /** @internal a piece of the answer's body. */
  data(chunk: Buffer): void {
    if (this.refused || this.res.write(chunk)) return;
    const connection = this.connection;
    connection?.pause();
    // Resumed only while it still carries this answer: a drain after the end must not resume another request's read.
    this.res.once('drain', () => {
      if (this.connection === connection) connection?.resume();
    });
  }

  /** @internal the answer is complete; a refused one is sent again with a renewed token. */
  end(reusable: boolean): void {
    const connection = this.connection;
    this.connection = undefined;
    // A connection whose request body was cut short by an early answer cannot carry another request.
    if (connection && reusable && this.requestSent) this.context.upstream.release(connection);
    else if (connection) this.context.upstream.discard(connection);
    if (!this.requestSent) this.req.resume();
    if (!this.refused) return void this.res.end();
    this.refused = false;
    this.retried = true;
    this.context.tokens.afterRejection(this.token).then(
      (token) => {
        this.token = token;
        this.send();
      },
      (error: unknown) => refuse(this.res, this.context, error),
    );
  }

  /** @internal the target could not be reached, or the exchange broke off. */
  broken(error: Error, unanswered: boolean): void {
    const connection = this.connection;
    this.connection = undefined;
    if (connection) this.context.upstream.discard(connection);
    if (this.clientGone) return;
    // A kept-alive connection the target had closed while idle: the request never reached it; one fresh try.
    if (unanswered && !this.reconnected && (this.framing === 'none' || (this.requestSent && this.kept))) {
      this.reconnected = true;
      return this.send();
    }
    if (!this.requestSent) this.req.resume();
    const reason = targetFailure(error);
    this.context.onProblem?.(`The target ${reason}.`);
    if (this.res.headersSent) return void this.res.destroy();
    this.res.writeHead(502, { 'Content-Type': 'text/plain' }).end(`ctm proxy: the target ${reason}.\n`);
  }
}

/** No token to send: 503 with what to do (our errors carry no secret). */
function refuse(res: ServerResponse, context: ExchangeContext, error: unknown): void {
  const message = error instanceof CtmError ? error.message : 'No token could be read for the profile.';
  context.onProblem?.(message);
  if (!res.headersSent) res.writeHead(503, { 'Content-Type': 'text/plain' }).end(`ctm proxy: ${message}\n`);
}
