// The one row shape every benchmark returns, so `npm run bench` can print and store them together.

/** One row of the benchmark table: a median over `runs` samples with its spread (min, max, p95). */
export interface BenchResult {
  name: string;
  median: number;
  p95?: number;
  min: number;
  max: number;
  unit: string;
  runs: number;
  note?: string;
}
