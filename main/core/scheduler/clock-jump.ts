/** Notices the wall clock moving differently from the monotonic clock: a manual change, an NTP step, or a sleep. */
export interface ClockJumpDetector {
  /** Compares both clocks since the last check; returns the jump in ms (wall minus monotonic) when it exceeds the tolerance, else 0. */
  check(): number;
}

/** A detector over two clocks: `wall` (epoch ms) and `monotonic` (ms that never jump, e.g. performance.now). */
export function createClockJumpDetector(
  wall: () => number,
  monotonic: () => number,
  toleranceMs = 30_000,
): ClockJumpDetector {
  let lastWall = wall();
  let lastMonotonic = monotonic();
  return {
    check: () => {
      const nowWall = wall();
      const nowMonotonic = monotonic();
      const jump = nowWall - lastWall - (nowMonotonic - lastMonotonic);
      lastWall = nowWall;
      lastMonotonic = nowMonotonic;
      return Math.abs(jump) > toleranceMs ? jump : 0;
    },
  };
}
