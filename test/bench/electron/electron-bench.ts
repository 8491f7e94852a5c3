// Start-up and memory of the Electron app: time from launch to the tray being ready, and resident memory of all
// its processes after a minute idle. Runs only where the Electron binary exists (`npm install` downloads it);
// elsewhere it returns rows marked "not measured". The app must print the ready line (see BENCHMARKS.md).
// Run: npm run build && node --no-warnings test/bench/electron/electron-bench.ts [--quick]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from '../bench-result.ts';
import { summarize } from '../stats.ts';
import { startKeyringSession } from '../../support/keyring-session.ts';
import { findElectron, hasXvfbRun, launchApp, needsVirtualDisplay, treeMemory } from './electron-app.ts';

/** Options every benchmark of the suite accepts. */
export interface ElectronBenchOptions {
  quick?: boolean;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const READY_TIMEOUT_MS = 60_000;

function notMeasured(reason: string): BenchResult[] {
  const empty = { median: Number.NaN, min: Number.NaN, max: Number.NaN, runs: 0, note: `not measured: ${reason}` };
  return [
    { name: 'Electron: launch to tray ready', unit: 'ms', ...empty },
    { name: 'Electron: resident memory after idle, all processes', unit: 'MiB', ...empty },
  ];
}

/** Launches the built app `runs` times (5, 2 with quick) to time it to the tray, then once more to weigh it after a minute idle (10 s with quick). */
export async function runElectronBench(options: ElectronBenchOptions = {}): Promise<BenchResult[]> {
  const binary = findElectron(ROOT);
  if (!binary)
    return notMeasured('no Electron binary on this machine (node_modules/electron/dist, or set CTM_ELECTRON_BINARY)');
  if (needsVirtualDisplay(process.env) && !hasXvfbRun())
    return notMeasured('no display and no xvfb-run (apt-get install xvfb)');
  const runs = options.quick ? 2 : 5;
  const idleMs = options.quick ? 10_000 : 60_000;
  const keyring = await startKeyringSession();
  const configDir = mkdtempSync(join(tmpdir(), 'ctm-bench-electron-'));
  const env = {
    ...keyring.env,
    CTM_CONFIG_DIR: configDir,
    ...(process.env.DISPLAY ? { DISPLAY: process.env.DISPLAY } : {}),
  };
  try {
    const wall: number[] = [];
    const own: number[] = [];
    for (let i = 0; i < runs; i++) {
      const app = launchApp(binary, ROOT, env, READY_TIMEOUT_MS);
      try {
        const [wallMs, appMs] = await app.ready;
        wall.push(wallMs);
        own.push(appMs);
      } finally {
        await app.stop();
      }
    }
    const app = launchApp(binary, ROOT, env, READY_TIMEOUT_MS);
    let memory: ReturnType<typeof treeMemory>;
    try {
      await app.ready;
      await sleep(idleMs);
      memory = treeMemory(app.child.pid ?? -1);
    } finally {
      await app.stop();
    }
    const idle = `${idleMs / 1000} s idle after the tray was ready, ${memory.processes} processes, no profiles`;
    return [
      summarize(
        'Electron: launch to tray ready',
        wall,
        'ms',
        `wall clock from spawn to the ready line; the app's own performance.now() median ${summarize('', own, 'ms').median} ms`,
      ),
      summarize(
        'Electron: resident memory after idle, all processes',
        [memory.rssKiB / 1024],
        'MiB',
        `sum of RSS (counts shared pages once per process); ${idle}`,
      ),
      ...(memory.pssKiB === undefined
        ? []
        : [
            summarize(
              'Electron: proportional memory after idle (PSS)',
              [memory.pssKiB / 1024],
              'MiB',
              `sum of PSS from /proc/*/smaps_rollup; ${idle}`,
            ),
          ]),
    ];
  } finally {
    await keyring.stop();
    rmSync(configDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await runElectronBench({ quick: process.argv.includes('--quick') });
  console.table(
    rows.map(({ name, median, p95, min, max, unit, runs }) => ({ name, median, p95, min, max, unit, runs })),
  );
  for (const r of rows) if (r.note) console.log(`- ${r.name}: ${r.note}`);
}
