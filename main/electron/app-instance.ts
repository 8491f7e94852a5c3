import type { CommandLine } from 'electron';
import { join } from 'node:path';
import { enableShortcutPortal } from './global-shortcut.ts';

/** The part of Electron's app that claiming the instance uses (before 'ready'). */
export interface InstanceApp {
  setPath(name: 'userData', path: string): void;
  setAppUserModelId(id: string): void;
  readonly commandLine: Pick<CommandLine, 'appendSwitch'>;
  requestSingleInstanceLock(): boolean;
  quit(): void;
}

/** The id Windows toasts and the installer's shortcut share (electron-builder's appId). */
export const APP_USER_MODEL_ID = 'dev.cognito-token-manager.app';

/**
 * What must happen before 'ready', then the single-instance lock: another config folder (CTM_CONFIG_DIR: the demo,
 * tests) is another instance with its own Electron data and lock; Windows shows toasts only for an app with the id
 * its shortcut carries (Electron's notifications tutorial); Chromium reads its switches at start, so the Wayland
 * shortcut portal is enabled now. Answers false, and quits, when another instance already runs (it is shown there).
 */
export function claimInstance(app: InstanceApp, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (env.CTM_CONFIG_DIR) app.setPath('userData', join(env.CTM_CONFIG_DIR, 'electron'));
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  enableShortcutPortal(app.commandLine, platform, env);
  if (app.requestSingleInstanceLock()) return true;
  app.quit();
  return false;
}
