/** Failures allowed before answers slow down: a person mistyping a secret is not slowed. */
const FREE_FAILURES = 3;
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 4_000;

/**
 * Slows client authentication after repeated failures. Every caller is on the same loopback address, so the throttle
 * is one for the whole endpoint: while it is on, checks are spaced out one after another (parallel guesses queue
 * rather than run together), the spacing doubling with each failure up to MAX_DELAY_MS; a success turns it off.
 */
export class FailureThrottle {
  private failures = 0;
  private notBefore = 0;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    now: () => number = Date.now,
    sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.now = now;
    this.sleep = sleep;
  }

  /** Waits for this check's turn: at once unless recent failures turned the throttle on. */
  async turn(): Promise<void> {
    if (this.failures < FREE_FAILURES) return;
    const at = Math.max(this.notBefore, this.now());
    this.notBefore = at + this.delay();
    const wait = at - this.now();
    if (wait > 0) await this.sleep(wait);
  }

  /** Records the outcome of a check. */
  record(succeeded: boolean): void {
    if (succeeded) {
      this.failures = 0;
      this.notBefore = 0;
      return;
    }
    this.failures += 1;
    if (this.failures >= FREE_FAILURES) this.notBefore = Math.max(this.notBefore, this.now() + this.delay());
  }

  /** The spacing between checks now (0 while off). */
  delay(): number {
    if (this.failures < FREE_FAILURES) return 0;
    return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (this.failures - FREE_FAILURES));
  }
}
