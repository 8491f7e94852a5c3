import { open, readFile, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError } from '../errors.ts';

const STALE_MS = 10_000;
const WAIT_MS = 5_000;

/** Runs `work` while holding `<path>.lock`, so the app and `ctm` never interleave a read-modify-write. */
export async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lockPath = `${path}.lock`;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await isStale(lockPath)) {
        await rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new ConfigError(`The profiles file is locked by another process (${lockPath}). If no other ctm or app is running, delete that file.`);
      await sleep(15 + Math.random() * 20);
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockPath, { force: true });
  }
}

/** A lock is stale when it is old, or when the process that wrote it is gone (a crash must not block the next start). */
async function isStale(lockPath: string): Promise<boolean> {
  try {
    if (Date.now() - (await stat(lockPath)).mtimeMs > STALE_MS) return true;
    const pid = Number(await readFile(lockPath, 'utf8'));
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid);
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but someone else's
  }
}
