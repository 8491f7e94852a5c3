import { randomBytes } from 'node:crypto';
import { open, readFile, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError } from '../errors.ts';
import { makeFolder } from './make-folder.ts';

const STALE_MS = 10_000;
const WAIT_MS = 5_000;
/** A take-over is a read and a delete; a take-over file older than this was left by a crash. */
const TAKEOVER_STALE_MS = 2_000;

/** Runs `work` while holding `<path>.lock`, so the app and `ctm` never interleave a read-modify-write. */
export async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lockPath = `${path}.lock`;
  // The lock file says who holds it: the pid (to tell a crashed holder) and a nonce (to tell this holding from any other).
  const owner = `${process.pid} ${randomBytes(8).toString('hex')}`;
  const deadline = Date.now() + WAIT_MS;
  // On a fresh machine the config folder does not exist yet: the first write creates it (private to the user).
  await makeFolder(dirname(lockPath));
  while (!(await tryCreate(lockPath, owner))) {
    const seen = await readOwner(lockPath);
    if (seen !== undefined && (await isStale(lockPath, seen))) {
      await takeOver(lockPath, seen);
      continue;
    }
    if (Date.now() > deadline)
      throw new ConfigError(
        `A file in the config folder is locked by another process (${lockPath}). If no other ctm or app is running, delete that file.`,
      );
    await sleep(15 + Math.random() * 20);
  }
  try {
    return await work();
  } finally {
    // Only our own lock is removed: had it been taken over as stale, the file now belongs to someone else.
    if ((await readOwner(lockPath)) === owner) await rm(lockPath, { force: true });
  }
}

/** Creates the lock file if there is none (O_EXCL: atomic, one creator wins). */
async function tryCreate(lockPath: string, content: string): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx', 0o600);
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Removes a stale lock, once. Two waiters can both judge the same lock stale; deleting by path would let the
 * slower one delete the fresh lock the faster one has just taken. So the delete happens under a second, short
 * lock (`.takeover`), and only if the file still holds the very owner that was judged stale.
 */
async function takeOver(lockPath: string, staleOwner: string): Promise<void> {
  const guard = `${lockPath}.takeover`;
  const me = `${process.pid} ${randomBytes(8).toString('hex')}`;
  if (!(await tryCreate(guard, me))) {
    await clearAbandonedGuard(guard);
    return; // someone else is taking over; the caller retries
  }
  try {
    if ((await readOwner(lockPath)) === staleOwner) await rm(lockPath, { force: true });
  } finally {
    await rm(guard, { force: true });
  }
}

/** A take-over guard left by a process that died between creating and removing it would block every take-over. */
async function clearAbandonedGuard(guard: string): Promise<void> {
  const holder = await readOwner(guard);
  if (holder === undefined) return;
  try {
    const old = Date.now() - (await stat(guard)).mtimeMs > TAKEOVER_STALE_MS;
    const pid = pidOf(holder); // 0 while its creator has not written it yet: then only age counts
    if (old || (pid > 0 && pid !== process.pid && !isAlive(pid))) await rm(guard, { force: true });
  } catch {
    // Gone already: nothing to clear.
  }
}

async function readOwner(lockPath: string): Promise<string | undefined> {
  try {
    return await readFile(lockPath, 'utf8');
  } catch {
    return undefined;
  }
}

function pidOf(owner: string): number {
  return Number(owner.split(' ')[0]);
}

/** A lock is stale when it is old, or when the process that wrote it is gone (a crash must not block the next start). */
async function isStale(lockPath: string, owner: string): Promise<boolean> {
  try {
    if (Date.now() - (await stat(lockPath)).mtimeMs > STALE_MS) return true;
    const pid = pidOf(owner);
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid);
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but someone else's
  }
}
