// Resident memory of another process from Linux's /proc/PID/status: now (VmRSS), and its peak over a stretch of time.
import { readFileSync, writeFileSync } from 'node:fs';

const KIB_PER_MIB = 1024;

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1]);
  return Math.round((kib / KIB_PER_MIB) * 10) / 10;
}

/** The process's resident memory now, in MiB (VmRSS). */
export function residentMiB(pid: number): number {
  return statusField(pid, 'VmRSS');
}

/**
 * Starts watching a process's peak resident memory; stop() gives it in MiB, and whether the kernel measured it. The kernel's own high-water mark (VmHWM) is
 * reset first by writing 5 to /proc/PID/clear_refs (Linux >= 4.0, proc(5)), so it covers this stretch alone; where
 * that is refused, the peak is the highest VmRSS seen every 25 ms.
 */
export function watchPeak(pid: number): { stop(): { peak: number; exact: boolean } } {
  let exact = true;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    exact = false;
  }
  let highest = residentMiB(pid);
  const timer = setInterval(() => {
    try {
      highest = Math.max(highest, residentMiB(pid));
    } catch {
      // The process is gone: the peak seen so far stands.
    }
  }, 25);
  return {
    stop() {
      clearInterval(timer);
      return { peak: Math.max(highest, exact ? statusField(pid, 'VmHWM') : 0), exact };
    },
  };
}
