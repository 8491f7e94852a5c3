import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { READY_LINE, treeMemory } from '../../../bench/electron/electron-app.ts';

describe('the Electron benchmark helpers (real processes; Electron itself is not needed)', () => {
  it('adds up the resident memory of a process and its descendants', async () => {
    const parent = spawn(
      process.execPath,
      ['-e', "require('node:child_process').spawn('sleep', ['20'], { stdio: 'ignore' }); setTimeout(() => {}, 20000);"],
      { stdio: 'ignore', detached: true },
    );
    try {
      let memory = treeMemory(parent.pid ?? -1);
      // On a busy machine the grandchild may take a while to appear.
      for (let waited = 0; memory.processes < 2 && waited < 10_000; waited += 100) {
        await sleep(100);
        memory = treeMemory(parent.pid ?? -1);
      }
      expect(memory.processes).toBe(2);
      expect(memory.rssKiB).toBeGreaterThan(1000);
    } finally {
      process.kill(-(parent.pid ?? 0), 'SIGKILL');
    }
  });

  it('finds nothing for a process that does not exist', () => {
    expect(treeMemory(2 ** 22 + 1)).toMatchObject({ processes: 0, rssKiB: 0 });
  });

  it("recognises the ready line among other output, with the app's own figure", () => {
    expect(READY_LINE.exec('some log\nctm-bench: tray-ready 412.5\n')?.[1]).toBe('412.5');
    expect(READY_LINE.test('ctm-bench: tray-ready soon\n')).toBe(false);
  });
});
