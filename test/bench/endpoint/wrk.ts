// wrk (Debian's) as a load generator: one run, its figures parsed from its --latency report.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What one wrk run measured. Latencies in ms. */
export interface WrkFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Socket errors and non-2xx answers: a run with any is not a valid measurement. */
  failures: number;
}

/** A wrk Lua script that sends a POST with these headers and body (for the token endpoint). */
export function postScript(folder: string, headers: Record<string, string>, body: string): string {
  const path = join(folder, 'post.lua');
  const lines = [
    'wrk.method = "POST"',
    `wrk.body = ${JSON.stringify(body)}`,
    ...Object.entries(headers).map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`),
  ];
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Runs wrk against `url` with one thread and `connections` keep-alive connections for `seconds`. */
export async function wrk(url: string, connections: number, seconds: number, script?: string): Promise<WrkFigures> {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', ...(script ? ['-s', script] : []), url];
  const { stdout } = await run('wrk', args, { timeout: (seconds + 30) * 1000 });
  return parseWrk(stdout);
}

/** Parses wrk's report: Requests/sec, the 50% and 99% lines of the latency distribution, errors and non-2xx answers. */
export function parseWrk(text: string): WrkFigures {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1] ?? Number.NaN);
  const percent = (p: string): number => {
    const match = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(text);
    if (!match) return Number.NaN;
    const value = Number(match[1]);
    return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
  };
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0);
  const errors = socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return { requestsPerSecond: rps, p50: percent('50'), p99: percent('99'), failures: errors + non2xx };
}
