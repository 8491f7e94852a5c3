import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The app, started, or why it could not be. */
export type AppLaunch = { started: true; child: ChildProcess } | { started: false; reason: string };

/** The Electron binary npm installed (or CTM_DEMO_ELECTRON), without triggering electron's download-on-require. */
function electronBinary(root: string): string | undefined {
  if (process.env.CTM_DEMO_ELECTRON) return process.env.CTM_DEMO_ELECTRON;
  const pathFile = join(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return undefined;
  return join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
}

/** Opens the app (`electron out`, as npm start: out/package.json names the built main) on the demo's environment, or says why it cannot start here. */
export function launchApp(root: string, env: Record<string, string>, onExit: (code: number | null) => void): AppLaunch {
  const binary = electronBinary(root);
  if (!binary || !existsSync(binary))
    return { started: false, reason: `the Electron binary is not installed${binary ? ` (no ${binary})` : ''}` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return { started: false, reason: 'there is no display (DISPLAY / WAYLAND_DISPLAY are unset)' };
  const child = spawn(binary, ['out'], { cwd: root, env: { ...process.env, ...env }, stdio: 'ignore' });
  child.once('exit', onExit);
  child.once('error', () => onExit(null));
  return { started: true, child };
}
