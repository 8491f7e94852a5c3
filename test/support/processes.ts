import { readdirSync, readFileSync } from 'node:fs';

/** The pids of live processes whose command line has `word` and whose environment has `marker` (e.g. a config dir). */
export function processesWith(word: string, marker: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return (
          readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(word) &&
          readFileSync(`/proc/${pid}/environ`, 'utf8').includes(marker)
        );
      } catch {
        return false; // ended meanwhile, or not ours to read
      }
    })
    .map(Number);
}

/** The command line of a process, its arguments joined by spaces. */
export function commandLineOf(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
}
