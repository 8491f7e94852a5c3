import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { withFileLock } from '../../../../main/core/profiles/file-lock.ts';

const dirs: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ctm-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has exited: a lock naming it was left by a crash. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('withFileLock', () => {
  it('lets many waiters that all find the same stale lock take it one at a time', async () => {
    const file = join(scratch(), 'profiles.json');
    writeFileSync(`${file}.lock`, `${deadPid()} 00`);
    let holders = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        withFileLock(file, async () => {
          holders += 1;
          most = Math.max(most, holders);
          await sleep(2);
          order.push(i);
          holders -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(order).toHaveLength(24);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('takes over a lock that is old even when its process still runs', async () => {
    const file = join(scratch(), 'profiles.json');
    writeFileSync(`${file}.lock`, `${process.ppid} 00`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    await expect(withFileLock(file, async () => 'ran')).resolves.toBe('ran');
  });

  it('never removes a lock it no longer owns when it is released', async () => {
    const file = join(scratch(), 'profiles.json');
    await withFileLock(file, async () => {
      writeFileSync(`${file}.lock`, 'someone else'); // as if a waiter had taken it over meanwhile
    });
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe('someone else');
  });

  it('serialises separate processes racing for a stale lock (real processes, real files)', async () => {
    const dir = scratch();
    const file = join(dir, 'profiles.json');
    const log = join(dir, 'log');
    writeFileSync(`${file}.lock`, `${deadPid()} 00`);
    writeFileSync(log, '');
    const lockModule = fileURLToPath(new URL('../../../../main/core/profiles/file-lock.ts', import.meta.url));
    // Each process writes "+" on entry and "-" on exit: with mutual exclusion the log alternates strictly.
    const script = `
      import { appendFileSync } from 'node:fs';
      const { withFileLock } = await import(${JSON.stringify(lockModule)});
      for (let i = 0; i < 3; i++) await withFileLock(${JSON.stringify(file)}, async () => {
        appendFileSync(${JSON.stringify(log)}, '+');
        await new Promise((r) => setTimeout(r, 3));
        appendFileSync(${JSON.stringify(log)}, '-');
      });`;
    const runs = Array.from(
      { length: 6 },
      () =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], {
            stdio: 'inherit',
          });
          child.once('exit', resolve);
        }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(readFileSync(log, 'utf8')).toBe('+-'.repeat(18));
  });
});
