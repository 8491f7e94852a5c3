/** Wall-clock time, injectable so tests can move it. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** An armed timer, as returned by Timers.setTimeout. */
export interface TimerHandle {
  /** Opaque: only Timers.clearTimeout reads it. */
  readonly id: unknown;
}

/** One-shot timers, injectable so tests can fire them with a fake clock instead of waiting. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Node's timers; unref'd, so a pending refresh never keeps a process (ctm, a test) alive on its own. */
export const systemTimers: Timers = {
  setTimeout: (callback, ms) => {
    const id = setTimeout(callback, ms);
    id.unref();
    return { id };
  },
  clearTimeout: (handle) => clearTimeout(handle.id as NodeJS.Timeout),
};
