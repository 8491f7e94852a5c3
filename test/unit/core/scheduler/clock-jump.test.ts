import { describe, expect, it } from 'vitest';
import { createClockJumpDetector } from '../../../../main/core/scheduler/clock-jump.ts';

describe('clock-jump detector (fake wall and monotonic clocks)', () => {
  it('reports a jump of the wall clock against the monotonic one, in either direction, and ignores drift', () => {
    let wall = 1_000_000;
    let mono = 0;
    const detector = createClockJumpDetector(
      () => wall,
      () => mono,
      30_000,
    );
    wall += 60_000;
    mono += 60_000;
    expect(detector.check()).toBe(0);
    wall += 60_000 + 2 * 3_600_000;
    mono += 60_000;
    expect(detector.check()).toBe(7_200_000);
    wall += 1_000 - 600_000;
    mono += 1_000;
    expect(detector.check()).toBe(-600_000);
    wall += 60_010;
    mono += 60_000;
    expect(detector.check()).toBe(0);
  });
});
