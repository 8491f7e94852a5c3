// The command line of `npm run bench`: --quick, and --only with one or more benchmark names.
import { parseArgs } from 'node:util';

/** What `npm run bench -- ...` asked for. */
export interface BenchArgs {
  quick: boolean;
  /** Benchmark names to run; empty means all. */
  only: string[];
}

/** Usage of the bench runner, shown with a bad argument. */
export const BENCH_USAGE = 'npm run bench [-- --quick] [-- --only NAME[,NAME...]]';

/** Parses the runner's arguments; an unknown option or benchmark name throws with the names that exist. */
export function parseBenchArgs(argv: string[], names: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: { quick: { type: 'boolean', default: false }, only: { type: 'string', multiple: true, default: [] } },
    strict: true,
    allowPositionals: false,
  });
  const only = values.only
    .flatMap((value) => value.split(','))
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = only.filter((name) => !names.includes(name));
  if (unknown.length > 0)
    throw new Error(
      `unknown benchmark ${unknown.map((n) => `"${n}"`).join(', ')}; the benchmarks are ${names.join(', ')}. Usage: ${BENCH_USAGE}`,
    );
  return { quick: values.quick, only };
}
