// Finding and launching the built Electron app for the start-up and memory benchmark, on machines that have the binary.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** The line the app prints when launched with CTM_BENCH_READY=1, once its tray and tray menu exist. */
export const READY_LINE = /^ctm-bench: tray-ready (\d+(?:\.\d+)?)$/m;

/** The Electron executable: CTM_ELECTRON_BINARY, else the one `npm install electron` downloaded; never downloads it. */
export function findElectron(root: string): string | undefined {
  const override = process.env.CTM_ELECTRON_BINARY ?? process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override && existsSync(override)) return override;
  const pathFile = join(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

/** A running app: its process, when it said it was ready (ms after spawn, and the app's own figure), and a way to stop it. */
export interface LaunchedApp {
  child: ChildProcess;
  /** Resolves with [wall ms from spawn to the ready line, the app's performance.now() at that line]. */
  ready: Promise<[number, number]>;
  stop(): Promise<void>;
}

/** True on Linux without a display, where the app must run under xvfb-run. */
export function needsVirtualDisplay(env: Record<string, string | undefined>): boolean {
  return process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY;
}

/** Whether xvfb-run is installed (for a Linux machine without a display). */
export function hasXvfbRun(): boolean {
  return spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
}

/** Launches `electron <root>/out` (as npm start does) in its own process group (under xvfb-run when there is no display), with CTM_BENCH_READY=1. */
export function launchApp(binary: string, root: string, env: Record<string, string>, timeoutMs: number): LaunchedApp {
  // Chromium refuses to run as root with its sandbox; the flag only matters for root (CI containers).
  const args = [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), join(root, 'out')];
  const [command, commandArgs] = needsVirtualDisplay(env) ? ['xvfb-run', ['-a', binary, ...args]] : [binary, args];
  const started = performance.now();
  const child = spawn(command, commandArgs, {
    env: { ...env, CTM_BENCH_READY: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const ready = new Promise<[number, number]>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `no "ctm-bench: tray-ready" line within ${timeoutMs / 1000} s: is the CTM_BENCH_READY hook in main/index.ts?`,
          ),
        ),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = READY_LINE.exec(seen);
      if (!match) return;
      clearTimeout(timer);
      resolve([performance.now() - started, Number(match[1])]);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited (${code}) before it was ready`));
    });
  });
  ready.catch(() => undefined);
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  return { child, ready, stop };
}

/** Resident memory (KiB) of a process and all its descendants, leaving out a virtual display and shells in front of the app. */
export function treeMemory(rootPid: number): { rssKiB: number; pssKiB?: number; processes: number } {
  const listing = spawnSync('ps', ['-A', '-o', 'pid=,ppid=,rss=,comm='], { encoding: 'utf8' }).stdout;
  const rows = listing
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([pid, ppid, rss, ...comm]) => ({
      pid: Number(pid),
      ppid: Number(ppid),
      rss: Number(rss),
      comm: comm.join(' '),
    }));
  const inTree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const row of rows)
      if (inTree.has(row.ppid) && !inTree.has(row.pid)) {
        inTree.add(row.pid);
        grew = true;
      }
  }
  const app = rows.filter((row) => inTree.has(row.pid) && !/^(Xvfb|xvfb-run|sh|bash|xauth)$/.test(row.comm));
  const rssKiB = app.reduce((sum, row) => sum + row.rss, 0);
  // PSS splits shared pages (Chromium's processes share many) between processes, so its sum does not double-count.
  const pss = app.map((row) => proportionalKiB(row.pid));
  const pssKiB = pss.every((value) => value !== undefined)
    ? pss.reduce<number>((sum, value) => sum + (value ?? 0), 0)
    : undefined;
  return { rssKiB, processes: app.length, ...(pssKiB === undefined ? {} : { pssKiB }) };
}

function proportionalKiB(pid: number): number | undefined {
  try {
    const match = /^Pss:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
