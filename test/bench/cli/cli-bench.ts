// Time to a usable token from a terminal: `ctm token` cached, `ctm token` that must refresh, and the AWS CLI's
// initiate-auth, each a fresh process against the emulator, interleaved run by run so their ratios share conditions.
// Run: node --no-warnings test/bench/cli/cli-bench.ts [--quick]   (needs `npm run build` first)
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from '../bench-result.ts';
import { pairedRatios, summarize } from '../stats.ts';
import { AWS_CLI_INSTALL, awsCliEnv, findAwsCli, initiateAuthArgs } from './aws-cli.ts';
import { startCtmStack, type CtmStack } from './ctm-stack.ts';
import { failureLine, timeProcess, type TimedRun } from './timed-process.ts';

/** Options every benchmark of the suite accepts. */
export interface CliBenchOptions {
  quick?: boolean;
}

interface Contender {
  name: string;
  note: string;
  run(): Promise<TimedRun>;
  ok(run: TimedRun): boolean;
}

interface Measured {
  samples: number[];
  cognitoCalls: number;
  failure?: string;
}

const JWT_LINE = /^[\w-]+\.[\w-]+\.[\w-]+\n$/;
const PROCESS_JSON = /^\{"Version":1,"AccessKeyId":"ASIA\w+",.*"Expiration":"[\d-]+T[\d:.]+Z"\}\n$/;

function contenders(stack: CtmStack, aws: { path: string; version: string } | undefined, scratch: string): Contender[] {
  const ctm =
    (args: string[], extraEnv: Record<string, string> = {}) =>
    () =>
      timeProcess(process.execPath, [stack.ctm, ...args], { ...stack.env, ...extraEnv });
  const list: Contender[] = [
    {
      name: 'node start-up, empty script (floor)',
      note: 'node -e "" : what any Node CLI pays before its own code',
      run: () => timeProcess(process.execPath, ['-e', ''], stack.env),
      ok: (r) => r.code === 0,
    },
    {
      name: 'ctm --help (bundle load, no keychain)',
      note: 'loads the built bin (a copy of out/main/cli.cjs, cli-fast.cjs and cli-main.cjs) and prints usage',
      run: ctm(['--help']),
      ok: (r) => r.code === 0,
    },
    {
      name: 'ctm token, cached, agent running',
      note: 'valid token, answered by the token agent (`ctm agent`, as the app runs it) from memory: no keychain read, no network',
      run: ctm(['token', stack.profile]),
      ok: (r) => r.code === 0 && JWT_LINE.test(r.stdout),
    },
    {
      name: 'ctm token, cached, no agent',
      note: 'CTM_NO_AGENT=1: valid token read from the vault, one keychain read (the cache key), no network',
      run: ctm(['token', stack.profile], { CTM_NO_AGENT: '1' }),
      ok: (r) => r.code === 0 && JWT_LINE.test(r.stdout),
    },
    {
      name: 'ctm token, cached, no agent, default profile',
      note: 'CTM_NO_AGENT=1, no NAME: the default profile from settings.json (validated text), then as the row above',
      run: ctm(['token'], { CTM_NO_AGENT: '1' }),
      ok: (r) => r.code === 0 && JWT_LINE.test(r.stdout),
    },
    {
      name: 'ctm aws-credentials, cached, agent running',
      note: 'credential_process JSON of the identity pool credentials, answered by the token agent from the sealed file it reads: no keychain read, no network',
      run: ctm(['aws-credentials', stack.profile]),
      ok: (r) => r.code === 0 && PROCESS_JSON.test(r.stdout),
    },
    {
      name: 'ctm aws-credentials, cached, no agent',
      note: 'CTM_NO_AGENT=1: the sealed credentials file, one keychain read (the cache key), no network',
      run: ctm(['aws-credentials', stack.profile], { CTM_NO_AGENT: '1' }),
      ok: (r) => r.code === 0 && PROCESS_JSON.test(r.stdout),
    },
    {
      name: 'ctm token, must refresh',
      note: '--min-ttl 3599.999 > what any 1 h token has left: refresh-token read from the keychain, GetTokensFromRefreshToken, encrypted session file written (no rotation: no keychain write)',
      run: ctm(['token', stack.profile, '--min-ttl', '3599.999']),
      ok: (r) => r.code === 0 && JWT_LINE.test(r.stdout),
    },
  ];
  if (aws) {
    const env = awsCliEnv(join(scratch, 'aws'), scratch);
    const args = initiateAuthArgs(stack.emulator.endpoint, stack.clientId, stack.username, stack.password);
    list.push({
      name: 'aws cognito-idp initiate-auth',
      note: `${aws.version} (${aws.path}), USER_PASSWORD_AUTH, --no-sign-request`,
      run: () => timeProcess(aws.path, args, env),
      ok: (r) => r.code === 0 && JWT_LINE.test(r.stdout),
    });
  }
  return list;
}

async function measure(list: Contender[], stack: CtmStack, runs: number): Promise<Map<string, Measured>> {
  const results = new Map<string, Measured>(list.map((c) => [c.name, { samples: [], cognitoCalls: 0 }]));
  for (const contender of list) await contender.run(); // warm-up: page cache, compile cache, Python bytecode
  for (let i = 0; i < runs; i++) {
    for (const contender of list) {
      const measured = results.get(contender.name);
      if (!measured) continue;
      const before = stack.emulator.requests.length;
      const run = await contender.run();
      measured.cognitoCalls += stack.emulator.requests.length - before;
      const ok = contender.ok(run);
      measured.samples.push(ok ? run.ms : Number.NaN);
      if (!ok) measured.failure ??= failureLine(run);
    }
  }
  return results;
}

function row(contender: Contender, measured: Measured, runs: number): BenchResult {
  const calls = `${(measured.cognitoCalls / runs).toFixed(1)} Cognito calls/run`;
  const failed = measured.samples.filter((s) => Number.isNaN(s)).length;
  const failure = measured.failure ? `; ${failed} failed, first: ${measured.failure}` : '';
  return summarize(`CLI: ${contender.name}`, measured.samples, 'ms', `${contender.note}; ${calls}${failure}`);
}

function ratioRow(
  name: string,
  slower: Measured | undefined,
  faster: Measured | undefined,
  target: string,
): BenchResult[] {
  if (!slower || !faster) return [];
  return [
    summarize(name, pairedRatios(slower.samples, faster.samples), 'x', `paired per run, same process order; ${target}`),
  ];
}

/** What the background `ctm agent` holds in memory after serving the runs above (Linux: VmRSS of /proc/PID/status). */
async function agentMemoryRow(stack: CtmStack): Promise<BenchResult> {
  const name = 'CLI: ctm agent, resident memory after the runs';
  const status = await timeProcess(process.execPath, [stack.ctm, 'agent', 'status', '--json'], stack.env);
  const pid = status.code === 0 ? (JSON.parse(status.stdout) as { pid?: number }).pid : undefined;
  const file = `/proc/${pid}/status`;
  const rssKb =
    pid !== undefined && existsSync(file)
      ? Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(file, 'utf8'))?.[1])
      : Number.NaN;
  if (Number.isNaN(rssKb))
    return {
      name,
      median: Number.NaN,
      min: Number.NaN,
      max: Number.NaN,
      unit: 'MB',
      runs: 0,
      note: 'needs Linux /proc and a running agent',
    };
  return summarize(
    name,
    [Math.round(rssKb / 102.4) / 10],
    'MB',
    'the `ctm agent start` process of this stack (the whole CLI bundle and keytar loaded), VmRSS',
  );
}

/** Runs the terminal benchmark (20 rounds, 5 with quick) and returns its rows; the AWS CLI row says how to install it when it is missing. */
export async function runCliBench(options: CliBenchOptions = {}): Promise<BenchResult[]> {
  const runs = options.quick ? 5 : 20;
  const aws = findAwsCli();
  const scratch = mkdtempSync(join(tmpdir(), 'ctm-bench-cli-'));
  const stack = await startCtmStack();
  try {
    const list = contenders(stack, aws, scratch);
    const results = await measure(list, stack, runs);
    const rows = list.map((c) => row(c, results.get(c.name) ?? { samples: [], cognitoCalls: 0 }, runs));
    if (!aws)
      rows.push({
        name: 'CLI: aws cognito-idp initiate-auth',
        median: Number.NaN,
        min: Number.NaN,
        max: Number.NaN,
        unit: 'ms',
        runs: 0,
        note: `AWS CLI not found; install it: ${AWS_CLI_INSTALL}`,
      });
    const awsSamples = results.get('aws cognito-idp initiate-auth');
    rows.push(await agentMemoryRow(stack));
    rows.push(
      ...ratioRow(
        'CLI: AWS CLI / ctm token cached, agent running',
        awsSamples,
        results.get('ctm token, cached, agent running'),
        'target >= 12x',
      ),
      ...ratioRow(
        'CLI: AWS CLI / ctm token cached, no agent',
        awsSamples,
        results.get('ctm token, cached, no agent'),
        'one keychain read per call',
      ),
      ...ratioRow(
        'CLI: ctm token default profile / by NAME, cached, no agent',
        results.get('ctm token, cached, no agent, default profile'),
        results.get('ctm token, cached, no agent'),
        'the default profile takes the cached path too (was the full CLI)',
      ),
      ...ratioRow(
        'CLI: AWS CLI / ctm token refreshing',
        awsSamples,
        results.get('ctm token, must refresh'),
        'both make one Cognito call',
      ),
      ...ratioRow(
        'CLI: ctm aws-credentials / ctm token, cached, agent running',
        results.get('ctm aws-credentials, cached, agent running'),
        results.get('ctm token, cached, agent running'),
        'target <= 1.2x (issue 23)',
      ),
      ...ratioRow(
        'CLI: ctm aws-credentials / ctm token, cached, no agent',
        results.get('ctm aws-credentials, cached, no agent'),
        results.get('ctm token, cached, no agent'),
        'target <= 1.2x (issue 23)',
      ),
    );
    return rows;
  } finally {
    await stack.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await runCliBench({ quick: process.argv.includes('--quick') });
  console.table(
    rows.map(({ name, median, p95, min, max, unit, runs }) => ({ name, median, p95, min, max, unit, runs })),
  );
  for (const r of rows) if (r.note) console.log(`- ${r.name}: ${r.note}`);
}
