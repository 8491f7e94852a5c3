import type { GlobalShortcut } from 'electron';

/** Registers the one global shortcut of the settings (replacing the previous one); answers whether it is active. */
export function applyGlobalShortcut(shortcuts: Pick<GlobalShortcut, 'register' | 'unregisterAll'>, accelerator: string, onPress: () => void): boolean {
  shortcuts.unregisterAll();
  if (!accelerator) return false;
  try {
    // register answers false when another app already owns the combination.
    return shortcuts.register(accelerator, onPress);
  } catch {
    return false;
  }
}
