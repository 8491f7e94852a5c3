// Runs one command as a child process and times it from spawn to exit, as a person at a terminal waits for it.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** What one timed run printed, how it exited, and how long it took (ms, wall clock). */
export interface TimedRun {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns `command args...` with exactly `env` (plus nothing inherited) and the given stdin, and times it to exit. */
export function timeProcess(
  command: string,
  args: readonly string[],
  env: Record<string, string>,
  stdin = '',
): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code, stdout, stderr }));
    // A child that exits before reading its stdin (a refusal, a usage error) is a result, not a crash of the bench.
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
  });
}

/** The first line of a failed run's stderr, for a table note (never stdout, which may hold a token). */
export function failureLine(run: TimedRun): string {
  const lines = run.stderr.trim().split('\n');
  // A crash prints a source excerpt before the error itself; an orderly failure prints one "ctm: ..." line.
  const telling = lines.find((line) => /^(ctm:|\w*Error\b)/.test(line)) ?? lines[0] ?? '';
  return `exit ${run.code}: ${telling}`.slice(0, 160);
}
