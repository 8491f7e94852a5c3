import { TargetConnection } from './target-connection.ts';
import { forwardSocket, targetSocket, type ProxyVia } from './target-socket.ts';

/** One request waiting for a connection: given one, or told why none could be opened. */
interface Waiter {
  use: (connection: TargetConnection) => void;
  failed: (error: Error) => void;
}

/** At most this many connections to the target at once; further requests wait for one. */
const MAX_CONNECTIONS = 256;
/** An idle connection is closed after this long: before the target's own keep-alive timeout closes it under us. */
const IDLE_MS = 4_000;

/**
 * The keep-alive connections to the target: an idle one is reused (the most recently used first), a new one opened
 * while fewer than MAX_CONNECTIONS exist, else the request waits in line for the next one given back.
 */
export class TargetPool {
  private readonly target: URL;
  private readonly via: ProxyVia | undefined;
  private readonly idle: TargetConnection[] = [];
  private readonly waiting: Waiter[] = [];
  private count = 0;
  private closed = false;
  private readonly sweeper: NodeJS.Timeout;

  /** `via`: the proxy connections go through (HTTP(S)_PROXY, see proxyVia), or undefined for direct ones. */
  constructor(target: URL, via: ProxyVia | undefined) {
    this.target = target;
    this.via = via;
    this.sweeper = setInterval(() => this.sweep(), IDLE_MS / 4).unref();
  }

  /**
   * Calls `use` with a connection for one request: at once when one is idle, once opened when fewer than the limit
   * exist, else when one is given back; `failed` when the one opened for it could not be (a proxy's refusal).
   */
  acquire(use: (connection: TargetConnection) => void, failed: (error: Error) => void): void {
    const idle = this.idle.pop();
    if (idle) return use(idle);
    const waiter = { use, failed };
    if (this.count < MAX_CONNECTIONS) return this.openFor(waiter);
    this.waiting.push(waiter);
  }

  /** Gives a connection back after a complete exchange; one that cannot carry another request is closed. */
  release(connection: TargetConnection): void {
    if (!connection.alive || this.closed) return connection.destroy();
    const next = this.waiting.shift();
    if (next) return next.use(connection);
    connection.idleSince = performance.now();
    this.idle.push(connection);
  }

  /** Closes a connection in the middle of an exchange (the client left, the answer broke off). */
  discard(connection: TargetConnection): void {
    connection.destroy();
  }

  /** Closes every connection; requests still waiting are dropped. */
  close(): void {
    this.closed = true;
    clearInterval(this.sweeper);
    this.waiting.length = 0;
    for (const connection of this.idle.splice(0)) connection.destroy();
  }

  private openFor(waiter: Waiter): void {
    this.count += 1;
    // An http:// target through a proxy: connections go to the proxy, requests in absolute form (see proxy-exchange).
    const opening =
      this.via && this.target.protocol === 'http:' ? forwardSocket(this.via) : targetSocket(this.target, this.via);
    opening.then(
      (socket) => waiter.use(new TargetConnection(socket, (gone) => this.forget(gone))),
      (error: Error) => {
        this.count -= 1;
        waiter.failed(error);
      },
    );
  }

  /** A connection closed (by either side): it leaves the pool, and its place goes to a waiting request. */
  private forget(gone: TargetConnection): void {
    this.count -= 1;
    const at = this.idle.indexOf(gone);
    if (at >= 0) this.idle.splice(at, 1);
    const next = this.closed ? undefined : this.waiting.shift();
    if (next) this.openFor(next);
  }

  private sweep(): void {
    const oldest = performance.now() - IDLE_MS;
    while (this.idle.length > 0 && (this.idle[0] as TargetConnection).idleSince < oldest)
      (this.idle.shift() as TargetConnection).destroy();
  }
}
