import { describe, expect, it } from 'vitest';
import { applyGlobalShortcut } from '../../../main/electron/global-shortcut.ts';

function recordingShortcuts(register: (accelerator: string) => boolean) {
  const calls: string[] = [];
  return {
    calls,
    shortcuts: {
      register: (accelerator: string, _callback: () => void) => { calls.push(`register ${accelerator}`); return register(accelerator); },
      unregisterAll: () => void calls.push('unregisterAll'),
    },
  };
}

describe('the global shortcut with a recording globalShortcut (Electron stood in)', () => {
  it('replaces the previous shortcut with the configured one', () => {
    const { calls, shortcuts } = recordingShortcuts(() => true);
    expect(applyGlobalShortcut(shortcuts, 'CommandOrControl+Shift+T', () => undefined)).toBe(true);
    expect(calls).toEqual(['unregisterAll', 'register CommandOrControl+Shift+T']);
  });

  it('registers nothing when the setting is empty', () => {
    const { calls, shortcuts } = recordingShortcuts(() => true);
    expect(applyGlobalShortcut(shortcuts, '', () => undefined)).toBe(false);
    expect(calls).toEqual(['unregisterAll']);
  });

  it('answers false when another app owns the combination or Electron refuses it', () => {
    expect(applyGlobalShortcut(recordingShortcuts(() => false).shortcuts, 'Alt+F1', () => undefined)).toBe(false);
    expect(applyGlobalShortcut(recordingShortcuts(() => { throw new Error('bad accelerator'); }).shortcuts, 'Alt+F1', () => undefined)).toBe(false);
  });
});
