import type { CommandLine, GlobalShortcut } from 'electron';
import type { NoticeModel } from './notifications.ts';

/** What registering the configured shortcut came to: none configured, bound, or refused (taken or invalid). */
export type ShortcutState = 'none' | 'active' | 'refused';

/**
 * On a Wayland session only Chromium's GlobalShortcutsPortal can bind a global shortcut, and it must be enabled on
 * the command line before 'ready' (Electron's globalShortcut page:
 * `app.commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal')`). Answers whether it was enabled.
 */
export function enableShortcutPortal(
  commandLine: Pick<CommandLine, 'appendSwitch'>,
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
): boolean {
  if (platform !== 'linux' || !env.WAYLAND_DISPLAY) return false;
  commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal');
  return true;
}

/** Registers the one global shortcut of the settings (replacing the previous one) and says whether it is bound. */
export function applyGlobalShortcut(
  shortcuts: Pick<GlobalShortcut, 'register' | 'unregisterAll'>,
  accelerator: string,
  onPress: () => void,
): ShortcutState {
  shortcuts.unregisterAll();
  if (!accelerator) return 'none';
  try {
    // register answers false when another app already owns the combination (api/global-shortcut).
    return shortcuts.register(accelerator, onPress) ? 'active' : 'refused';
  } catch {
    return 'refused';
  }
}

/** Registers one more shortcut without dropping the others (call after applyGlobalShortcut); says whether it is bound. */
export function addGlobalShortcut(
  shortcuts: Pick<GlobalShortcut, 'register'>,
  accelerator: string,
  onPress: () => void,
): ShortcutState {
  if (!accelerator) return 'none';
  try {
    return shortcuts.register(accelerator, onPress) ? 'active' : 'refused';
  } catch {
    return 'refused';
  }
}

/** What the app says when the configured shortcut could not be registered, instead of a shortcut that silently does nothing. */
export function refusedShortcutNotice(accelerator: string): NoticeModel {
  return {
    title: `The shortcut ${accelerator} is not active`,
    body: 'Another application uses it, or the desktop refused it. Choose another one in Settings.',
  };
}
