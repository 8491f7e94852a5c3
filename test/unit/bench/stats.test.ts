import { describe, expect, it } from 'vitest';
import { median, pairedRatios, percentile, roundFigure, spread, summarize } from '../../bench/stats.ts';

describe('benchmark statistics', () => {
  it('takes the middle sample, or the mean of the two middle ones, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('interpolates percentiles between closest ranks', () => {
    const samples = [10, 20, 30, 40, 50];
    expect(percentile(samples, 0)).toBe(10);
    expect(percentile(samples, 1)).toBe(50);
    expect(percentile(samples, 0.95)).toBeCloseTo(48);
    expect(percentile([7], 0.95)).toBe(7);
    expect(() => percentile(samples, 1.5)).toThrow(RangeError);
  });

  it('leaves out failed (non-finite) samples instead of letting them shift the median', () => {
    expect(median([Number.NaN, 3, 1, Number.POSITIVE_INFINITY, 2])).toBe(2);
  });

  it('reports the spread as min, max and interquartile range, also relative to the median', () => {
    expect(spread([1, 2, 3, 4, 5])).toEqual({ min: 1, max: 5, iqr: 2, relativeIqr: 2 / 3 });
  });

  it('pairs ratios run by run and refuses samples of different lengths', () => {
    expect(pairedRatios([10, 30], [2, 3])).toEqual([5, 10]);
    expect(() => pairedRatios([1, 2], [1])).toThrow(/differ in length/);
  });

  it('rounds to two decimals below 100 and one above', () => {
    expect(roundFigure(1.23456)).toBe(1.23);
    expect(roundFigure(1234.567)).toBe(1234.6);
    expect(roundFigure(Number.NaN)).toBeNaN();
  });

  it('summarizes samples into one table row, counting only the runs that succeeded', () => {
    const row = summarize('ctm token', [30, 10, 20, Number.NaN], 'ms', 'a note');
    expect(row).toEqual({
      name: 'ctm token',
      median: 20,
      p95: 29,
      min: 10,
      max: 30,
      unit: 'ms',
      runs: 3,
      note: 'a note',
    });
    expect(summarize('no note', [1], 'x')).not.toHaveProperty('note');
  });
});
