import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ToolRun } from '../../../main/clipboard/clipboard-tools.ts';
import { runTool } from '../../../main/clipboard/run-tool.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { startHeadlessWayland } from '../../support/headless-wayland.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING, hasCommand, systemComponent } from '../../support/system-components.ts';
import { commandLineOf, processesWith } from '../../support/processes.ts';
import { startXvfb } from '../../support/xvfb.ts';

// ctm token --clip in one graphical session kind. Each kind has its own test file (cli-clip-x11, cli-clip-wayland):
// the clearer's wait is real (5 s), so the two sessions wait side by side instead of one after the other.
const HAS_X11 = systemComponent(
  'Xvfb and xclip',
  hasCommand('Xvfb') && hasCommand('xclip'),
  'apt-get install xvfb xclip',
);
const HAS_WAYLAND = systemComponent(
  'sway and wl-clipboard',
  hasCommand('sway') && hasCommand('wl-copy') && hasCommand('setpriv'),
  'apt-get install --no-install-recommends sway wl-clipboard',
);
// The shortest clipboard time settings.json accepts (app-settings.ts): the clearer's wait is real, not faked.
const CLEAR_SECONDS = 5;

/** One graphical session kind: how to start it, and the user's own tools to read and copy with. */
export interface ClipSession {
  name: string;
  present: boolean;
  start: () => Promise<{ env: Record<string, string>; stop: () => Promise<void> }>;
  read: ToolRun;
  copy: ToolRun;
  /** What ctm adds on stderr when its tool cannot mark the copy secret. */
  notConcealed: boolean;
}

/** X11: xclip under Xvfb. */
export const X11: ClipSession = {
  name: 'X11 (xclip under Xvfb)',
  present: HAS_X11,
  start: async () => {
    const x = await startXvfb();
    return { env: { DISPLAY: x.display }, stop: () => x.stop() };
  },
  read: { command: 'xclip', args: ['-selection', 'clipboard', '-out'] },
  copy: { command: 'xclip', args: ['-selection', 'clipboard', '-in'] },
  notConcealed: true,
};

/** Wayland: wl-clipboard under headless sway. */
export const WAYLAND: ClipSession = {
  name: 'Wayland (wl-clipboard under headless sway)',
  present: HAS_WAYLAND,
  start: startHeadlessWayland,
  read: { command: 'wl-paste', args: ['--no-newline'] },
  copy: { command: 'wl-copy', args: [] },
  notConcealed: HAS_WAYLAND && !spawnSync('wl-copy', ['--help'], { encoding: 'utf8' }).stdout.includes('--sensitive'),
};

/** The --clip suite for one session kind. */
export function describeClip(session: ClipSession): void {
  describe.skipIf(!HAS_KEYRING || !session.present)(
    `ctm token --clip on ${session.name}, with the real keyring and emulator`,
    () => {
      let app: AppFixture;
      let stopSession: () => Promise<void>;
      let env: Record<string, string>;
      // An empty clipboard reads as a failure (xclip, wl-paste: "No selection") or as nothing.
      const clipboard = async (): Promise<string> => (await runTool(session.read, '', 'reader', env)).stdout;
      const clearers = (): number[] => processesWith('__clip-clear', `CTM_CONFIG_DIR=${app.configDir}\0`);
      // The clearer's own end is the event to wait for: polled, with no deadline of ours (the test's timeout is the limit).
      const clearerDone = async (): Promise<void> => {
        while (clearers().length > 0) await sleep(100);
      };

      beforeAll(async () => {
        const started = await session.start();
        stopSession = started.stop;
        app = await startAppFixture(skeletonSeed());
        env = { ...app.env, ...started.env };
        const profile = [
          '--user-pool-id',
          TEST_POOL,
          '--client-id',
          PUBLIC_CLIENT,
          '--username',
          'alice',
          '--auth-flow',
          'USER_PASSWORD_AUTH',
          '--endpoint',
          app.emulator.endpoint,
        ];
        await runCtm(['profile', 'add', 'dev', ...profile], env);
        await runCtm(['login', 'dev', '--password-stdin'], env, ALICE_PASSWORD);
        writeFileSync(
          join(app.configDir, 'settings.json'),
          JSON.stringify({ version: 1, settings: { clipboardClearSeconds: CLEAR_SECONDS } }),
        );
      });
      afterAll(async () => {
        await app?.close();
        await stopSession?.();
      });

      it('copies the token instead of printing it, returns at once, and clears the clipboard after the settings delay', async () => {
        const token = (await runCtm(['token', 'dev'], env)).stdout.trim();
        const run = await runCtm(['token', 'dev', '--clip'], env);
        expect(run).toMatchObject({ code: 0, stdout: '' });
        expect(run.stderr).toContain(`Access token of dev copied; the clipboard clears in ${CLEAR_SECONDS} s`);
        expect(run.stderr.includes('a clipboard history may keep it')).toBe(session.notConcealed);
        expect(run.stderr).not.toContain(token);
        expect(await clipboard()).toBe(token);
        // ctm has returned while its detached clearer still waits, and the clearer was not given the token as an argument.
        const [clearer] = clearers();
        expect(clearer).toBeDefined();
        expect(commandLineOf(clearer!)).not.toContain(token);
        await clearerDone();
        expect(await clipboard()).toBe('');
      }, 60_000);

      it('copies the format asked for, and leaves the clipboard alone when something else was copied meanwhile', async () => {
        const header = (await runCtm(['token', 'dev', '--format', 'header'], env)).stdout.trim();
        expect((await runCtm(['token', 'dev', '--format', 'header', '--clip'], env)).code).toBe(0);
        expect(await clipboard()).toBe(header);
        expect((await runTool(session.copy, 'copied by the user', 'writer', env)).ok).toBe(true);
        await clearerDone();
        expect(await clipboard()).toBe('copied by the user');
      }, 60_000);

      it("a second copy of the same token restarts the wait: the first copy's clearer leaves it alone", async () => {
        const token = (await runCtm(['token', 'dev'], env)).stdout.trim();
        expect((await runCtm(['token', 'dev', '--clip'], env)).code).toBe(0);
        const [first] = clearers();
        expect((await runCtm(['token', 'dev', '--clip'], env)).code).toBe(0);
        expect(clearers()).toHaveLength(2);
        while (clearers().includes(first!)) await sleep(100);
        expect(await clipboard()).toBe(token);
        await clearerDone();
        expect(await clipboard()).toBe('');
      }, 60_000);

      it('names what to install when the clipboard tool is missing, with exit code 2 and nothing on stdout', async () => {
        const noTool = await runCtm(['token', 'dev', '--clip'], { ...env, PATH: '/nonexistent' });
        expect(noTool).toMatchObject({ code: 2, stdout: '' });
        expect(noTool.stderr).toMatch(
          /^ctm: --clip on (X11|Wayland) needs .* install it \(e\.g\. apt-get install (xclip|wl-clipboard)\) or print the token instead\.\n$/,
        );
      });
    },
  );
}
