import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A private headless Wayland compositor (sway on wlroots' headless backend) for clipboard tests. */
export interface HeadlessWayland {
  /** XDG_RUNTIME_DIR and WAYLAND_DISPLAY for clients of this compositor. */
  env: { XDG_RUNTIME_DIR: string; WAYLAND_DISPLAY: string };
  stop(): Promise<void>;
}

// sway refuses to run as root, so as root it runs as nobody (root's clients still reach its socket). It has a seat
// even without input devices (WLR_LIBINPUT_NO_DEVICES), which wl-clipboard needs; weston's headless backend has none.
const NOBODY = 65534;

/** Starts sway headless in its own runtime folder and waits until its Wayland socket is there. */
export async function startHeadlessWayland(): Promise<HeadlessWayland> {
  const runtime = mkdtempSync(join(tmpdir(), 'ctm-wayland-'));
  chmodSync(runtime, 0o700);
  const config = join(runtime, 'sway.conf');
  writeFileSync(config, '');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(runtime, NOBODY, NOBODY);
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: runtime,
    XDG_RUNTIME_DIR: runtime,
    WLR_BACKENDS: 'headless',
    WLR_LIBINPUT_NO_DEVICES: '1',
    WLR_RENDERER: 'pixman',
  };
  const [command, args] = asRoot
    ? ['setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'sway', '-c', config]]
    : ['sway', ['-c', config]];
  const sway = spawn(command, args, { env, stdio: 'ignore' });
  let socket: string | undefined;
  while (!(socket = readdirSync(runtime).find((name) => /^wayland-\d+$/.test(name)))) {
    if (sway.exitCode !== null) throw new Error(`sway exited (${sway.exitCode}) before its socket was there`);
    await sleep(50);
  }
  return {
    env: { XDG_RUNTIME_DIR: runtime, WAYLAND_DISPLAY: socket },
    stop: async () => {
      if (sway.exitCode === null) {
        const exited = once(sway, 'exit');
        sway.kill('SIGTERM');
        await exited;
      }
      rmSync(runtime, { recursive: true, force: true });
    },
  };
}
