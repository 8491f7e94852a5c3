import type { Timers } from '../core/clock.ts';
import { systemTimers } from '../core/clock.ts';
import { createClockJumpDetector } from '../core/scheduler/clock-jump.ts';
import type { CatchUpReason } from '../core/scheduler/scheduler-events.ts';

/** The part of Electron's powerMonitor used here. */
export interface PowerEvents {
  on(event: 'resume' | 'suspend' | 'unlock-screen', listener: () => void): unknown;
}

/** The part of Electron's net module used here (the main process has no online/offline events, only isOnline()). */
export interface NetworkState {
  isOnline(): boolean;
}

/** The scheduler's catch-up entry points. */
export interface CatchUpTarget {
  catchUp(reason: CatchUpReason): Promise<void>;
  setOnline(online: boolean): Promise<void>;
}

/** How often the clock and the network are looked at: cheap, and the only periodic work of an idle app. */
const CHECK_MS = 30_000;

/**
 * Turns the machine's events into scheduler catch-ups: wake from sleep and screen unlock (powerMonitor), a jump of
 * the wall clock against the monotonic one (also how a sleep shows on platforms that miss 'resume'), and the network
 * going away and coming back. Returns a function that stops watching.
 */
export function watchSystemEvents(deps: {
  powerMonitor: PowerEvents;
  net: NetworkState;
  scheduler: CatchUpTarget;
  timers?: Timers;
  wall?: () => number;
  monotonic?: () => number;
  checkMs?: number;
}): () => void {
  const { scheduler } = deps;
  const timers = deps.timers ?? systemTimers;
  const detector = createClockJumpDetector(deps.wall ?? Date.now, deps.monotonic ?? (() => performance.now()));
  let online = deps.net.isOnline();
  let stopped = false;
  const ignore = (): undefined => undefined;
  deps.powerMonitor.on('resume', () => void scheduler.catchUp('wake').catch(ignore));
  deps.powerMonitor.on('unlock-screen', () => void scheduler.catchUp('unlock').catch(ignore));
  deps.powerMonitor.on('suspend', () => detector.check()); // re-baseline, so the sleep itself is not also reported as a jump
  const check = (): void => {
    if (stopped) return;
    if (detector.check() !== 0) void scheduler.catchUp('clock-jump').catch(ignore);
    const now = deps.net.isOnline();
    if (now !== online) {
      online = now;
      void scheduler.setOnline(now).catch(ignore);
    }
    handle = timers.setTimeout(check, deps.checkMs ?? CHECK_MS);
  };
  let handle = timers.setTimeout(check, deps.checkMs ?? CHECK_MS);
  return () => {
    stopped = true;
    timers.clearTimeout(handle);
  };
}
