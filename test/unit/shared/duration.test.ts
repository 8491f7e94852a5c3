import { describe, expect, it } from 'vitest';
import { formatDuration, formatTimeLeft } from '../../../main/shared/duration.ts';

describe('formatDuration and formatTimeLeft (one formatter for ctm, the window and the tray)', () => {
  it.each([
    [0, 'seconds', '0 s'],
    [45_900, 'seconds', '45 s'],
    [12 * 60_000 + 5_000, 'seconds', '12 min 5 s'],
    [3_780_000, 'seconds', '1 h 3 min'],
    [12 * 60_000 + 29_000, 'minutes', '12 min'],
    [12 * 60_000 + 31_000, 'minutes', '13 min'],
    [3_780_000, 'minutes', '1 h 3 min'],
    [-5_000, 'seconds', '0 s'],
  ] as const)('%d ms to the %s: %s', (ms, precision, expected) => {
    expect(formatDuration(ms, precision)).toBe(expected);
  });

  it('says expired below a second, and a dash without a token', () => {
    expect(formatTimeLeft(1_000_500, 1_000_000)).toBe('expired');
    expect(formatTimeLeft(999, 1_000)).toBe('expired');
    expect(formatTimeLeft(undefined, 0)).toBe('\u2014');
    expect(formatTimeLeft(65_000, 0)).toBe('1 min 5 s');
  });
});
