// `npm run bench [-- --quick] [-- --only cli,srp]`: runs every benchmark of the suite in one process, prints one
// table and writes it, with the machine it ran on, to out/bench/bench-<time>.json and out/bench/latest.json.
// Benchmarks written by others are imported by path when they exist, so a missing or failing one is a row, not a crash.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './bench-result.ts';
import { findAwsCli } from './cli/aws-cli.ts';
import { parseBenchArgs, type BenchArgs } from './bench-args.ts';

interface Suite {
  name: string;
  file: string;
  exportName: string;
  measures: string;
}

interface SuiteOutcome {
  suite: string;
  file: string;
  status: 'ok' | 'missing' | 'failed';
  seconds: number;
  rows: BenchResult[];
  error?: string;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../..');
// Terminal first: spawning processes is the most sensitive to a machine warmed up by the others.
const SUITES: Suite[] = [
  {
    name: 'cli',
    file: 'cli/cli-bench.ts',
    exportName: 'runCliBench',
    measures: 'time to a usable token from a terminal',
  },
  { name: 'srp', file: 'srp/srp-bench.ts', exportName: 'runSrpBench', measures: 'SRP sign-in client cost' },
  {
    name: 'scale',
    file: 'scale/scale-bench.ts',
    exportName: 'runScaleBench',
    measures: '1,000 profiles restored, storm, idle',
  },
  {
    name: 'renderer',
    file: 'renderer/renderer-bench.ts',
    exportName: 'runRendererBench',
    measures: 'renderer bundle size, first render',
  },
  {
    name: 'electron',
    file: 'electron/electron-bench.ts',
    exportName: 'runElectronBench',
    measures: 'Electron start-up and memory',
  },
  {
    name: 'oauth',
    file: 'oauth/oauth-bench.ts',
    exportName: 'runOAuthBench',
    measures: 'managed login round trip, client credentials cached and fetched',
  },
  {
    name: 'agent',
    file: 'agent/agent-flood-bench.ts',
    exportName: 'runAgentFloodBench',
    measures: "the token agent's resident memory under a request flood, beside a bare Node server",
  },
  {
    name: 'endpoint',
    file: 'endpoint/endpoint-bench.ts',
    exportName: 'runEndpointBench',
    measures: 'token endpoint latency and req/s; ctm proxy against nginx (wrk)',
  },
];

function isRows(value: unknown): value is BenchResult[] {
  return (
    Array.isArray(value) &&
    value.every((row: unknown) => typeof row === 'object' && row !== null && 'name' in row && 'median' in row)
  );
}

async function runSuite(suite: Suite, args: BenchArgs): Promise<SuiteOutcome> {
  const path = join(HERE, suite.file);
  const file = relative(ROOT, path);
  const started = performance.now();
  const outcome = (status: SuiteOutcome['status'], rows: BenchResult[], error?: string): SuiteOutcome => ({
    suite: suite.name,
    file,
    status,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    rows,
    ...(error === undefined ? {} : { error }),
  });
  if (!existsSync(path)) return outcome('missing', []);
  try {
    const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    const run = module[suite.exportName];
    if (typeof run !== 'function') return outcome('failed', [], `${file} does not export ${suite.exportName}()`);
    const rows: unknown = await withTimeout(
      Promise.resolve(run({ quick: args.quick }) as unknown),
      args.quick ? 300_000 : 900_000,
      suite.name,
    );
    if (!isRows(rows)) return outcome('failed', [], `${suite.exportName}() did not return BenchResult[]`);
    return outcome('ok', rows);
  } catch (error) {
    return outcome('failed', [], error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function machine(): Record<string, unknown> {
  const git = (gitArgs: string[]): string | undefined => {
    try {
      return execFileSync('git', gitArgs, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return undefined;
    }
  };
  const cores = cpus();
  return {
    cpu: cores[0]?.model ?? 'unknown',
    cores: cores.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${type()} ${release()} ${arch()}`,
    node: process.version,
    awsCli: findAwsCli()?.version ?? 'not installed',
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedChanges: (git(['status', '--porcelain']) ?? '') !== '',
  };
}

function stopOwnChildren(): void {
  const ps = spawnSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  for (const line of (ps.stdout ?? '').trim().split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (ppid !== process.pid || pid === undefined || !Number.isInteger(pid) || pid === ps.pid) continue;
    console.error(`bench: stopping leftover child process ${pid}`);
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}

function printTable(outcomes: SuiteOutcome[]): void {
  const table = outcomes.flatMap((o) => {
    if (o.status === 'missing') return [{ suite: o.suite, name: `(missing: ${o.file} not written yet)` }];
    if (o.status === 'failed')
      return [{ suite: o.suite, name: `(FAILED: ${o.error ?? 'unknown error'})`.slice(0, 120) }];
    const shown = (value: number | undefined): number | string =>
      value === undefined || !Number.isFinite(value) ? '-' : value;
    return o.rows.map(({ name, median, p95, min, max, unit, runs }) => ({
      suite: o.suite,
      name,
      median: shown(median),
      p95: shown(p95),
      min: shown(min),
      max: shown(max),
      unit,
      runs,
    }));
  });
  console.table(table);
  for (const o of outcomes) for (const row of o.rows) if (row.note) console.log(`- ${row.name}: ${row.note}`);
  const missing = outcomes.filter((o) => o.status === 'missing').map((o) => o.file);
  if (missing.length > 0) console.log(`\nNot run (file missing): ${missing.join(', ')}`);
  const failed = outcomes.filter((o) => o.status === 'failed').map((o) => `${o.suite} (${o.error ?? ''})`);
  if (failed.length > 0) console.log(`Failed: ${failed.join('; ')}`);
}

function argsOrExit(): BenchArgs {
  try {
    return parseBenchArgs(
      process.argv.slice(2),
      SUITES.map((s) => s.name),
    );
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}

const args = argsOrExit();
if (args.quick) process.env.CTM_BENCH_QUICK = '1'; // for benchmarks that read it instead of their argument
const startedAt = new Date();
const outcomes: SuiteOutcome[] = [];
for (const suite of SUITES.filter((s) => args.only.length === 0 || args.only.includes(s.name))) {
  console.error(`bench: ${suite.name} (${suite.measures})...`);
  const outcome = await runSuite(suite, args);
  console.error(`bench: ${suite.name} ${outcome.status} in ${outcome.seconds} s`);
  outcomes.push(outcome);
}
printTable(outcomes);
const report = {
  startedAt: startedAt.toISOString(),
  seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
  quick: args.quick,
  only: args.only,
  machine: machine(),
  suites: outcomes,
};
const outDir = join(ROOT, 'out/bench');
mkdirSync(outDir, { recursive: true });
const json = `${JSON.stringify(report, (_, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
const stamped = join(outDir, `bench-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(stamped, json);
writeFileSync(join(outDir, 'latest.json'), json);
console.log(`\nwrote ${relative(ROOT, stamped)} and out/bench/latest.json`);
// A benchmark that failed or timed out may have left children running (an emulator, a browser) that hold our
// stdout open; stop those, by process id, then end here with the figures written.
stopOwnChildren();
process.exit(outcomes.some((o) => o.status === 'failed') ? 1 : 0);
