// Small, exact statistics for benchmark samples: medians, percentiles and spread, without a library.
import type { BenchResult } from './bench-result.ts';

function sortedCopy(samples: readonly number[]): number[] {
  const finite = samples.filter((value) => Number.isFinite(value));
  return finite.sort((x, y) => x - y);
}

/** The q-quantile (0..1) by linear interpolation between closest ranks; NaN for no samples. */
export function percentile(samples: readonly number[], q: number): number {
  if (q < 0 || q > 1 || Number.isNaN(q)) throw new RangeError(`percentile needs q in [0, 1], got ${q}`);
  const sorted = sortedCopy(samples);
  if (sorted.length === 0) return Number.NaN;
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[above] ?? Number.NaN;
  return low + (high - low) * (position - below);
}

/** The median (the mean of the two middle samples for an even count). */
export function median(samples: readonly number[]): number {
  return percentile(samples, 0.5);
}

/** The spread of samples: smallest, largest, interquartile range, and the IQR relative to the median. */
export function spread(samples: readonly number[]): { min: number; max: number; iqr: number; relativeIqr: number } {
  const sorted = sortedCopy(samples);
  const iqr = percentile(sorted, 0.75) - percentile(sorted, 0.25);
  const middle = median(sorted);
  return {
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
    iqr,
    relativeIqr: middle === 0 ? Number.NaN : iqr / middle,
  };
}

/** Element-wise ratios numerator[i] / denominator[i] of paired samples (measured side by side in one run). */
export function pairedRatios(numerator: readonly number[], denominator: readonly number[]): number[] {
  if (numerator.length !== denominator.length)
    throw new RangeError(`paired samples differ in length: ${numerator.length} and ${denominator.length}`);
  return numerator.map((value, i) => value / (denominator[i] ?? Number.NaN));
}

/** Rounds to a few significant decimals, so tables stay readable without hiding a sub-millisecond figure. */
export function roundFigure(value: number): number {
  if (!Number.isFinite(value)) return value;
  const decimals = Math.abs(value) >= 100 ? 1 : 2;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** A table row from raw samples: median, p95, min and max, rounded. Non-finite samples (failed runs) are left out of the figures. */
export function summarize(name: string, samples: readonly number[], unit: string, note?: string): BenchResult {
  const sorted = sortedCopy(samples);
  return {
    name,
    median: roundFigure(median(sorted)),
    p95: roundFigure(percentile(sorted, 0.95)),
    min: roundFigure(sorted[0] ?? Number.NaN),
    max: roundFigure(sorted.at(-1) ?? Number.NaN),
    unit,
    runs: sorted.length,
    ...(note === undefined ? {} : { note }),
  };
}
