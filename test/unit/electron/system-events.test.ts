import { describe, expect, it } from 'vitest';
import type { CatchUpReason } from '../../../main/core/scheduler/scheduler-events.ts';
import { watchSystemEvents } from '../../../main/electron/system-events.ts';
import { FakeClock } from '../core/scheduler/fake-clock.ts';

describe('system events -> scheduler catch-ups (Electron powerMonitor and net stood in, fake clock)', () => {
  function setup() {
    const listeners = new Map<string, () => void>();
    const clock = new FakeClock();
    let mono = 0;
    let online = true;
    const calls: string[] = [];
    const scheduler = {
      catchUp: async (reason: CatchUpReason) => void calls.push(`catch-up:${reason}`),
      setOnline: async (value: boolean) => void calls.push(value ? 'online' : 'offline'),
    };
    const stop = watchSystemEvents({
      powerMonitor: { on: (event, listener) => listeners.set(event, listener) },
      net: { isOnline: () => online },
      scheduler,
      timers: clock,
      wall: () => clock.now(),
      monotonic: () => mono,
      checkMs: 30_000,
    });
    const tick = async (wallMs: number, monoMs = wallMs): Promise<void> => {
      mono += monoMs;
      await clock.advance(wallMs);
    };
    return { listeners, calls, tick, stop, setOnline: (v: boolean) => (online = v), clock };
  }

  it('catches up on resume and on unlock', () => {
    const { listeners, calls } = setup();
    listeners.get('resume')!();
    listeners.get('unlock-screen')!();
    expect(calls).toEqual(['catch-up:wake', 'catch-up:unlock']);
  });

  it('catches up when the wall clock jumps against the monotonic clock', async () => {
    const { calls, tick, clock } = setup();
    await tick(30_000);
    expect(calls).toEqual([]);
    clock.jump(3_600_000);
    await tick(30_000);
    expect(calls).toEqual(['catch-up:clock-jump']);
  });

  it('reports the network going away and coming back', async () => {
    const { calls, tick, setOnline } = setup();
    setOnline(false);
    await tick(30_000);
    setOnline(true);
    await tick(30_000);
    expect(calls).toEqual(['offline', 'online']);
  });

  it('stops watching', async () => {
    const { calls, tick, stop, clock } = setup();
    stop();
    clock.jump(3_600_000);
    await tick(30_000);
    expect(calls).toEqual([]);
    expect(clock.armed).toBe(0);
  });
});
