// SRP client cost per sign-in: our OpenSSL-backed math against amazon-cognito-identity-js's
// AuthenticationHelper, in CPU time, plus the longest event-loop block during our async claim.
// Run: node --experimental-strip-types --no-warnings test/bench/srp/srp-bench.ts
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createSrpSession } from '../../../main/core/srp/index.ts';
import { SRP_N } from '../../../main/core/srp/srp-group.ts';
import { libBigInteger, library, librarySignature, syncResult } from '../../support/cognito-oracle.ts';
import type { BenchResult } from '../bench-result.ts';

/** The row type, re-exported from its new home so older imports from this file keep compiling. */
export type { BenchResult } from '../bench-result.ts';

const RUNS = 30;
const POOL = 'AbC123def';

function challenge() {
  return {
    userId: 'user-7f3a',
    password: 'correct horse battery staple',
    srpB: (BigInt(`0x${randomBytes(384).toString('hex')}`) % SRP_N).toString(16),
    salt: randomBytes(16).toString('hex'),
    secretBlock: randomBytes(1000).toString('base64'),
  };
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function summary(name: string, samples: number[], unit: string, note?: string): BenchResult {
  const sorted = [...samples].sort((x, y) => x - y);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const round = (value: number): number => Math.round(value * 100) / 100;
  return {
    name,
    median: round(at(0.5)),
    p95: round(at(0.95)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted.at(-1) ?? Number.NaN),
    unit,
    runs: samples.length,
    ...(note ? { note } : {}),
  };
}

async function ourSignIn(): Promise<void> {
  const session = createSrpSession(POOL);
  await session.passwordClaim(challenge());
}

function librarySignIn(): void {
  const c = challenge();
  const helper = new library.AuthenticationHelper(POOL); // draws a and computes A, as CognitoUser does
  syncResult((done) => helper.getLargeAValue(done));
  const key = syncResult<Uint8Array>((done) =>
    helper.getPasswordAuthenticationKey(c.userId, c.password, libBigInteger(c.srpB), libBigInteger(c.salt), done),
  );
  librarySignature(key, POOL, c.userId, c.secretBlock, new library.DateHelper().getNowString());
}

async function cpuSamples(run: () => unknown, runs: number): Promise<number[]> {
  await run(); // warm-up: JIT, OpenSSL contexts
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const since = process.cpuUsage();
    await run();
    samples.push(cpuMs(since));
  }
  return samples;
}

/** The longest event-loop delay seen while one sign-in is computed (ms), per run. */
async function longestBlocks(runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const histogram = monitorEventLoopDelay({ resolution: 1 });
    histogram.enable();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await ourSignIn();
    await new Promise((resolve) => setTimeout(resolve, 5));
    histogram.disable();
    samples.push(histogram.max / 1e6);
  }
  return samples;
}

/** Runs the SRP benchmark and returns its rows. */
export async function runSrpBench(): Promise<BenchResult[]> {
  const ours = await cpuSamples(ourSignIn, RUNS);
  const theirs = await cpuSamples(librarySignIn, RUNS);
  const blocks = await longestBlocks(RUNS);
  const oursRow = summary('SRP sign-in CPU, ours (OpenSSL)', ours, 'ms', 'createSrpSession + passwordClaim');
  const theirsRow = summary(
    'SRP sign-in CPU, amazon-cognito-identity-js',
    theirs,
    'ms',
    'getLargeAValue + getPasswordAuthenticationKey + signature',
  );
  const ratios = theirs.map((value, i) => value / (ours[i] ?? Number.NaN));
  return [
    oursRow,
    theirsRow,
    summary(
      'SRP speed-up (library CPU / ours)',
      ratios,
      'x',
      `median ratio of medians ${(theirsRow.median / oursRow.median).toFixed(1)}x`,
    ),
    summary(
      'SRP longest event-loop block, ours',
      blocks,
      'ms',
      'monitorEventLoopDelay max (1 ms resolution) over one sign-in',
    ),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await runSrpBench();
  console.table(
    rows.map(({ name, median, p95, min, max, unit, runs }) => ({ name, median, p95, min, max, unit, runs })),
  );
  for (const row of rows) if (row.note) console.log(`- ${row.name}: ${row.note}`);
}
