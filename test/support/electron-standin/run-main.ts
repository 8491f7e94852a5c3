import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Call } from './standin-app.ts';

/** One run of out/main/index.cjs on the Electron stand-in: every call and event in order, and what it printed. */
export interface MainRun {
  calls: Call[];
  stdout: string;
  stderr: string;
  /** The HOME the app ran with (a fresh folder unless given). */
  home: string;
}

/**
 * Runs the built main process on the stand-in (Electron cannot run here) in a child process, playing `steps`, without
 * blocking this process (an emulator or keyring the test started here keeps answering). `env` adds to a minimal one.
 */
export function runMainAsync(steps: string[], env: Record<string, string> = {}, argv: string[] = []): Promise<MainRun> {
  const home = env.HOME ?? mkdtempSync(join(tmpdir(), 'ctm-main-'));
  const child = spawn(
    process.execPath,
    ['--no-warnings', 'test/support/electron-standin/recording-electron.ts', ...argv],
    {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        CTM_CONFIG_DIR: join(home, 'config'),
        CTM_STANDIN_STEPS: steps.join(','),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => {
      const lines = stdout.trim().split('\n');
      try {
        resolve({
          calls: JSON.parse(lines.at(-1) ?? '[]') as Call[],
          stdout: lines.slice(0, -1).join('\n'),
          stderr,
          home,
        });
      } catch {
        reject(new Error(`the stand-in run printed no call log; stderr: ${stderr}`));
      }
    });
  });
}

/** The calls of one API, in order. */
export const named = (calls: Call[], api: string): Call[] => calls.filter((c) => c.api === api);

/** The API names of the calls made while one step ran. */
export function during(calls: Call[], step: string): string[] {
  const start = calls.findIndex((c) => c.api === 'step' && c.args[0] === step);
  const end = calls.findIndex((c, i) => i > start && c.api === 'step');
  return calls.slice(start + 1, end < 0 ? undefined : end).map((c) => c.api);
}
