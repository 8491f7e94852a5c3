import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';

/** A private X server (Xvfb) for clipboard tests: its DISPLAY and how to stop it. */
export interface Xvfb {
  display: string;
  stop(): Promise<void>;
}

/** Starts Xvfb on a free display; Xvfb itself picks the number and writes it to the given fd (-displayfd). */
export async function startXvfb(): Promise<Xvfb> {
  const server: ChildProcess = spawn('Xvfb', ['-displayfd', '1', '-nolisten', 'tcp', '-screen', '0', '640x480x24'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const [chunk] = (await Promise.race([once(server.stdout!, 'data'), once(server, 'exit').then(() => { throw new Error('Xvfb exited before it was ready'); })])) as [Buffer];
  return {
    display: `:${chunk.toString().trim()}`,
    stop: async () => {
      if (server.exitCode !== null) return;
      const exited = once(server, 'exit');
      server.kill('SIGTERM');
      await exited;
    },
  };
}

/** The pids of live processes whose command line has `word` and whose environment has `marker` (e.g. a config dir). */
export function processesWith(word: string, marker: string): number[] {
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(word) && readFileSync(`/proc/${pid}/environ`, 'utf8').includes(marker);
    } catch {
      return false; // ended meanwhile, or not ours to read
    }
  }).map(Number);
}

/** The command line of a process, its arguments joined by spaces. */
export function commandLineOf(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
}
