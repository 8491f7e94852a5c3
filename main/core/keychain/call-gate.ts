/**
 * Lets keychain calls run side by side, except a listing, which runs alone: keytar's findCredentials crashes the
 * whole process (SIGSEGV in libsecret) when an entry it is walking is deleted meanwhile, so within this process no
 * write or delete may overlap a listing.
 */
export class CallGate {
  private running = 0;
  private listing: Promise<unknown> | undefined;
  private waitingForIdle: (() => void)[] = [];

  /** Runs a get, set or delete: alongside others, never during a listing. */
  async shared<T>(work: () => Promise<T>): Promise<T> {
    while (this.listing) await this.listing.catch(() => undefined);
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      if (this.running === 0) for (const wake of this.waitingForIdle.splice(0)) wake();
    }
  }

  /** Runs a listing once every call in progress has finished, holding new calls back until it is done. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.listing) await this.listing.catch(() => undefined);
    const run = (async () => {
      if (this.running > 0) await new Promise<void>((resolve) => this.waitingForIdle.push(resolve));
      return work();
    })();
    this.listing = run;
    try {
      return await run;
    } finally {
      if (this.listing === run) this.listing = undefined;
    }
  }
}
