/** The emulator's own clock: wall-clock time plus an offset tests can move forward. */
export interface EmulatorClock {
  now(): number;
  advance(ms: number): void;
}

/** A clock that starts at wall-clock time. */
export function createEmulatorClock(): EmulatorClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms: number) => {
      if (!Number.isFinite(ms)) throw new TypeError('advanceClock needs a finite number of milliseconds');
      offset += ms;
    },
  };
}
