import { describe, expect, it } from 'vitest';
import { refreshDueAt, retryDelay } from '../../../../main/core/scheduler/refresh-timing.ts';

describe('refresh timing', () => {
  it('renews a 1-hour token 5 to 7.5 minutes early, a 5-minute one 30 to 45 s early, a 5-second one 1.7 to 2.5 s early', () => {
    const early = (lifetime: number, r: number): number => lifetime - refreshDueAt(lifetime, 0, () => r);
    expect([early(3_600_000, 0), early(3_600_000, 1)]).toEqual([300_000, 450_000]);
    expect([early(300_000, 0), early(300_000, 1)]).toEqual([30_000, 45_000]);
    expect([early(5_000, 0), early(5_000, 1)]).toEqual([1_667, 2_500]);
  });

  it('backs off exponentially with jitter, capped at 5 minutes', () => {
    expect([1, 2, 3, 10, 50].map((n) => retryDelay(n, () => 0))).toEqual([1_000, 2_000, 4_000, 150_000, 150_000]);
    expect([1, 2, 3, 10, 50].map((n) => retryDelay(n, () => 1))).toEqual([2_000, 4_000, 8_000, 300_000, 300_000]);
  });
});
