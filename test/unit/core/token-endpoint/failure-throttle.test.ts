import { describe, expect, it } from 'vitest';
import { FailureThrottle } from '../../../../main/core/token-endpoint/failure-throttle.ts';

function throttleWithFakeTime() {
  let now = 0;
  const waits: number[] = [];
  const throttle = new FailureThrottle(
    () => now,
    async (ms) => {
      waits.push(ms);
      now += ms;
    },
  );
  return { throttle, waits, advance: (ms: number) => (now += ms) };
}

describe('FailureThrottle: client authentication slowed after failures', () => {
  it('lets three failures through at once (a mistyped secret is not punished)', async () => {
    const { throttle, waits } = throttleWithFakeTime();
    for (let i = 0; i < 3; i++) {
      await throttle.turn();
      throttle.record(false);
    }
    expect(waits).toEqual([]);
  });

  it('then spaces checks out, doubling with each failure up to 4 s', async () => {
    const { throttle, waits } = throttleWithFakeTime();
    for (let i = 0; i < 10; i++) {
      await throttle.turn();
      throttle.record(false);
    }
    expect(waits.slice(0, 4)).toEqual([250, 500, 1000, 2000]);
    expect(Math.max(...waits)).toBe(4000);
  });

  it('queues parallel guesses one after another instead of letting them run together', async () => {
    // Five attempts arrive at the same moment (the clock does not move while they wait): each gets the next slot.
    const sleeps: number[] = [];
    const shared = new FailureThrottle(
      () => 0,
      async (ms) => void sleeps.push(ms),
    );
    for (let i = 0; i < 3; i++) shared.record(false);
    await Promise.all(Array.from({ length: 5 }, () => shared.turn()));
    expect(sleeps).toEqual([250, 500, 750, 1000, 1250]);
  });

  it('a success turns it off', async () => {
    const { throttle, waits } = throttleWithFakeTime();
    for (let i = 0; i < 5; i++) throttle.record(false);
    throttle.record(true);
    await throttle.turn();
    expect(waits).toEqual([]);
    expect(throttle.delay()).toBe(0);
  });
});
