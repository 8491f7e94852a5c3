import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { findElectron } from '../bench/electron/electron-app.ts';
import { systemComponent } from '../support/system-components.ts';

const ROOT = process.cwd();

/** The Electron binary `npm install` downloaded (or CTM_ELECTRON_BINARY); these suites skip without it unless REQUIRE_SYSTEM_TESTS=1. */
export const ELECTRON_BINARY = findElectron(ROOT);
/** Whether the Electron suites can run here. */
export const HAS_ELECTRON = systemComponent(
  'the Electron binary',
  ELECTRON_BINARY !== undefined && existsSync(join(ROOT, 'out/main/index.cjs')),
  'npm install (without ELECTRON_SKIP_BINARY_DOWNLOAD) && npm run build',
);

/** Launches the built app as npm start does (`electron out`: out/package.json names out/main/index.cjs) with its own config folder and HOME. */
export async function launchBuiltApp(
  extraEnv: Record<string, string> = {},
): Promise<{ app: ElectronApplication; configDir: string }> {
  const home = mkdtempSync(join(tmpdir(), 'ctm-electron-'));
  const configDir = join(home, 'config');
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    HOME: home,
    CTM_CONFIG_DIR: configDir,
    ...extraEnv,
  };
  // Chromium refuses to run as root with its sandbox (CI containers); the flag changes nothing for other users.
  const args = [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), join(ROOT, 'out')];
  const app = await _electron.launch({ executablePath: ELECTRON_BINARY, args, env, timeout: 30_000 });
  return { app, configDir };
}
