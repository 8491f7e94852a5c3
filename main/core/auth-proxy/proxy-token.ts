import { isFreshEnough } from '../tokens/refresh-margin.ts';

/** A token with what the proxy needs to judge it (epoch ms). */
export interface ProxyToken {
  token: string;
  expiresAt: number;
  issuedAt: number;
}

/** Where the proxy's tokens come from: the session (renewed within the margin) and a forced renewal. */
export interface ProxyTokenOrigin {
  /** The current token, renewed first when within the refresh margin. */
  read(): Promise<ProxyToken>;
  /** A new token now (after the target refused the current one). */
  renew(): Promise<ProxyToken>;
  now(): number;
}

/** A token in memory is checked against the session again after this long (a sign-out elsewhere is seen). */
const RECHECK_MS = 5_000;

/**
 * The proxy's token: held in memory, so a request costs no file or keychain read; read again when it nears the refresh
 * margin or every RECHECK_MS. Concurrent callers share one read and one renewal.
 */
export class ProxyTokenSource {
  private readonly origin: ProxyTokenOrigin;
  private kept: { value: ProxyToken; checkedAt: number } | undefined;
  private reading: Promise<ProxyToken> | undefined;
  private renewing: Promise<ProxyToken> | undefined;

  constructor(origin: ProxyTokenOrigin) {
    this.origin = origin;
  }

  /** The token in memory when it can be sent as it is (no read due), else undefined: then ask current(). */
  held(): string | undefined {
    const now = this.origin.now();
    if (this.kept && now - this.kept.checkedAt < RECHECK_MS && isFreshEnough(this.kept.value, now))
      return this.kept.value.token;
    return undefined;
  }

  /** The token to send now. */
  async current(): Promise<string> {
    const held = this.held();
    if (held !== undefined) return held;
    this.reading ??= this.keep(this.origin.read()).finally(() => (this.reading = undefined));
    return (await this.reading).token;
  }

  /**
   * A token to retry with after the target refused `rejected`: the one held, if another request already renewed it,
   * else a renewal (one for every request refused at the same time).
   */
  async afterRejection(rejected: string): Promise<string> {
    if (this.kept && this.kept.value.token !== rejected) return this.kept.value.token;
    this.renewing ??= this.keep(this.origin.renew()).finally(() => (this.renewing = undefined));
    return (await this.renewing).token;
  }

  private async keep(pending: Promise<ProxyToken>): Promise<ProxyToken> {
    const value = await pending;
    this.kept = { value, checkedAt: this.origin.now() };
    return value;
  }
}
