import type { Socket } from 'node:net';
import { AnswerReader, type AnswerEvents } from './answer-reader.ts';

/** Who uses a connection for one request: told of the answer, or that the connection broke first. */
export interface ConnectionUser extends AnswerEvents {
  /**
   * The connection failed before the answer ended (refused, reset, timed out, a malformed answer). `unanswered`: it had
   * carried an earlier request and not one byte of this answer came (the target closed it while idle: safe to retry).
   */
  broken(error: Error, unanswered: boolean): void;
}

/**
 * One keep-alive connection to the target (a socket from targetSocket), carrying one request at a time. The answer's bytes
 * go through an AnswerReader to the user of the moment; after the answer it is the pool's again.
 */
export class TargetConnection {
  private readonly socket: Socket;
  private readonly reader: AnswerReader;
  private user: ConnectionUser | undefined;
  private uses = 0;
  private dead = false;
  /** When it was last given back (performance.now()), for the pool's idle limit. */
  idleSince = 0;

  constructor(socket: Socket, onClose: (connection: TargetConnection) => void) {
    this.socket = socket;
    this.reader = new AnswerReader({
      head: (status, headers) => this.user?.head(status, headers),
      data: (chunk) => this.user?.data(chunk),
      end: (reusable) => {
        const user = this.user;
        this.user = undefined;
        if (!reusable) this.dead = true;
        user?.end(reusable);
      },
    });
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    this.socket.on('end', () => this.read(undefined));
    this.socket.on('error', (error: Error) => this.fail(error));
    this.socket.on('close', () => {
      this.dead = true;
      this.fail(Object.assign(new Error('closed'), { code: 'ECONNRESET' }));
      onClose(this);
    });
  }

  /** Can carry another request (nothing broke, the target did not ask to close). */
  get alive(): boolean {
    return !this.dead;
  }

  /** Sends a request's head for `user` (who then gets its answer); the body, if any, follows through write(). */
  begin(user: ConnectionUser, method: string, head: string): void {
    this.user = user;
    this.uses += 1;
    this.reader.expect(method);
    // The last answer may have ended while its slow client had reading paused: this one is read from the start.
    this.socket.resume();
    this.socket.write(head, 'latin1');
  }

  /** A piece of the request's body; false: wait for drained(). */
  write(chunk: Buffer | string): boolean {
    return this.socket.write(chunk);
  }

  /** Calls `then` once the socket can take more. */
  drained(then: () => void): void {
    this.socket.once('drain', then);
  }

  /** Stops reading the answer while the client is slow. */
  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  /** Ends it: the user, if any, is not told. */
  destroy(): void {
    this.dead = true;
    this.user = undefined;
    this.socket.destroy();
  }

  private read(chunk: Buffer | undefined): void {
    try {
      if (chunk) this.reader.feed(chunk);
      else this.reader.closed();
    } catch (error) {
      this.fail(error as Error);
    }
  }

  private fail(error: Error): void {
    this.dead = true;
    const user = this.user;
    if (!user) return;
    this.user = undefined;
    this.socket.destroy();
    user.broken(error, this.uses > 1 && !this.reader.started);
  }
}
