// The token agent's resident memory under a request flood (a runaway script or a hostile process of the same account):
// before, at the peak of each kind of flood, and after, for the real `ctm agent` (the built bundle, a signed-in profile
// on the real keyring and the emulator) and, side by side in the same run, for a bare node:net server with the agent's
// limits that does nothing else (bare-agent-server.ts). The three floods follow one another in one process, so a phase's
// peak includes what the earlier ones left. Figures only, never asserted. Run: npm run bench -- --only agent
import { spawn, type ChildProcess } from 'node:child_process';
import { buildSync, stop as stopEsbuild } from 'esbuild';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { MAX_AGENT_REQUEST_BYTES } from '../../../main/core/agent/agent-protocol.ts';
import { AGENT_DEADLINE_MS, MAX_AGENT_CONNECTIONS } from '../../../main/core/agent/token-agent.ts';
import type { BenchResult } from '../bench-result.ts';
import { startCtmStack, type CtmStack } from '../cli/ctm-stack.ts';
import { failureLine, timeProcess } from '../cli/timed-process.ts';
import { summarize } from '../stats.ts';
import { ask, connectionFlood, oversizedFlood, requestFlood, type FloodTally } from './flood.ts';
import { residentMiB, watchPeak } from './process-memory.ts';

/** How big each flood is. */
interface FloodSizes {
  requests: number;
  connections: number;
  oversized: number;
}
const FULL: FloodSizes = { requests: 5_000, connections: 500, oversized: 200 };
const QUICK: FloodSizes = { requests: 1_000, connections: 200, oversized: 50 };
/** In flight at once: twice the agent's connection cap, so part of the flood meets the cap. */
const IN_FLIGHT = MAX_AGENT_CONNECTIONS * 2;
const OVERSIZED_BYTES = 1024 * 1024;
const PHASES = ['requests', 'connections', 'oversized'] as const;

/** A server under test: its process and socket. */
interface Target {
  pid: number;
  socketPath: string;
  stop(): Promise<void>;
}

/** What one flood did to one server: resident MiB at rest, each phase's peak, after; and what the client saw. */
interface Round {
  before: number;
  peaks: Record<(typeof PHASES)[number], number>;
  /** True when every peak is the kernel's high-water mark (VmHWM, reset per phase), not sampled. */
  exact: boolean;
  after: number;
  tallies: Record<(typeof PHASES)[number], FloodTally>;
}

async function floodRound(target: Target, line: string, sizes: FloodSizes): Promise<Round> {
  await sleep(1_000);
  const before = residentMiB(target.pid);
  const { socketPath, pid } = target;
  const floods = {
    requests: () => requestFlood(socketPath, line, sizes.requests, IN_FLIGHT),
    connections: () => connectionFlood(socketPath, sizes.connections, 1_000),
    oversized: () => oversizedFlood(socketPath, sizes.oversized, OVERSIZED_BYTES, IN_FLIGHT),
  };
  const peaks = { requests: 0, connections: 0, oversized: 0 };
  const tallies = {} as Round['tallies'];
  let exact = true;
  for (const phase of PHASES) {
    const watch = watchPeak(pid);
    tallies[phase] = await floods[phase]();
    const seen = watch.stop();
    peaks[phase] = seen.peak;
    exact &&= seen.exact;
  }
  // Past the agent's deadline, so every connection of the flood is gone on the server's side too.
  await sleep(AGENT_DEADLINE_MS + 1_000);
  return { before, peaks, exact, after: residentMiB(pid), tallies };
}

/** A fresh `ctm agent` of the stack (`ctm agent start`, as a user starts one). */
async function startAgent(stack: CtmStack): Promise<Target> {
  const ctm = (args: string[]) => timeProcess(process.execPath, [stack.ctm, ...args], stack.env);
  await ctm(['agent', 'stop']);
  const started = await ctm(['agent', 'start']);
  if (started.code !== 0) throw new Error(`ctm agent start failed: ${failureLine(started)}`);
  const status = JSON.parse((await ctm(['agent', 'status', '--json'])).stdout) as { pid: number; socket: string };
  return { pid: status.pid, socketPath: status.socket, stop: async () => void (await ctm(['agent', 'stop'])) };
}

/**
 * The bare server compiled to plain JavaScript, as the agent is: run as .ts, Node would load its type stripper (about
 * 20 MiB) and the anchor would no longer be Node's floor.
 */
function compileBare(folder: string): string {
  const script = join(folder, 'bare-agent-server.cjs');
  buildSync({
    entryPoints: [join(import.meta.dirname, 'bare-agent-server.ts')],
    outfile: script,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    logLevel: 'warning',
  });
  // esbuild keeps a service process for later calls: none come.
  void stopEsbuild();
  return script;
}

/** A fresh bare server answering with `replyBytes`, on a socket next to the agent's. */
async function startBare(folder: string, replyBytes: number): Promise<Target> {
  const socketPath = join(folder, 'bare.sock');
  const limits = [replyBytes, MAX_AGENT_CONNECTIONS, AGENT_DEADLINE_MS, MAX_AGENT_REQUEST_BYTES].map(String);
  const child: ChildProcess = spawn(process.execPath, [compileBare(folder), socketPath, ...limits], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the bare server exited (${code})`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { pid: child.pid ?? 0, socketPath, stop };
}

const LABELS: Record<(typeof PHASES)[number], (sizes: FloodSizes) => string> = {
  requests: (s) => `peak, ${s.requests.toLocaleString('en')} token requests (${IN_FLIGHT} in flight)`,
  connections: (s) => `peak, ${s.connections} connections held open at once`,
  oversized: (s) => `peak, ${s.oversized} requests of 1 MiB (no line end)`,
};

/** Rows of one server: at rest, each phase's peak, after; the notes say what the client saw. */
function rowsOf(server: string, rounds: Round[], sizes: FloodSizes): BenchResult[] {
  const tally = (phase: (typeof PHASES)[number]): string => {
    const last = rounds.at(-1)?.tallies[phase];
    const how = rounds.every((r) => r.exact) ? 'VmHWM reset before the phase' : 'highest VmRSS sampled every 25 ms';
    return last ? `${how}; last round: ${last.answered} answered or held, ${last.refused} closed unanswered` : '';
  };
  return [
    summarize(
      `agent flood: ${server}, RSS at rest`,
      rounds.map((r) => r.before),
      'MiB',
      'VmRSS before the flood',
    ),
    ...PHASES.map((phase) =>
      summarize(
        `agent flood: ${server}, ${LABELS[phase](sizes)}`,
        rounds.map((r) => r.peaks[phase]),
        'MiB',
        tally(phase),
      ),
    ),
    summarize(
      `agent flood: ${server}, RSS after (all closed)`,
      rounds.map((r) => r.after),
      'MiB',
      `VmRSS ${(AGENT_DEADLINE_MS + 1_000) / 1000} s after the flood`,
    ),
  ];
}

/** Floods a fresh `ctm agent` and a fresh bare server in turn (3 rounds, 1 with quick; the order alternates). */
export async function runAgentFloodBench(options: { quick?: boolean } = {}): Promise<BenchResult[]> {
  const sizes = options.quick ? QUICK : FULL;
  const rounds = options.quick ? 1 : 3;
  const stack = await startCtmStack();
  try {
    const line = `${JSON.stringify({ v: 1, op: 'token', profile: stack.profile })}\n`;
    const agentRounds: Round[] = [];
    const bareRounds: Round[] = [];
    const loads: number[] = [];
    for (let round = 0; round < rounds; round++) {
      loads.push(loadavg()[0] ?? Number.NaN);
      const agent = await startAgent(stack);
      const replyBytes = await ask(agent.socketPath, line);
      if (replyBytes === 0) throw new Error('the agent did not answer a token request for the signed-in profile');
      const folder = join(agent.socketPath, '..');
      const contenders: [Round[], () => Promise<Target>][] = [
        [agentRounds, async () => agent],
        [bareRounds, () => startBare(folder, replyBytes)],
      ];
      if (round % 2 === 1) contenders.reverse();
      for (const [into, start] of contenders) {
        const target = await start();
        into.push(await floodRound(target, line, sizes));
        if (target !== agent) await target.stop();
      }
      await agent.stop();
    }
    return [
      ...rowsOf('ctm agent', agentRounds, sizes),
      ...rowsOf('bare node:net server (anchor)', bareRounds, sizes),
      summarize('agent flood: load average (1 min) at each round', loads, 'load', 'os.loadavg()[0]'),
    ];
  } finally {
    await stack.close();
  }
}
