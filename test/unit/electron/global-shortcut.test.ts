import { describe, expect, it } from 'vitest';
import {
  addGlobalShortcut,
  applyGlobalShortcut,
  enableShortcutPortal,
  refusedShortcutNotice,
} from '../../../main/electron/global-shortcut.ts';
import { Recorder, StandInApp } from '../../support/electron-standin/standin-app.ts';

function recordingShortcuts(register: (accelerator: string) => boolean) {
  const calls: string[] = [];
  return {
    calls,
    shortcuts: {
      register: (accelerator: string, _callback: () => void) => {
        calls.push(`register ${accelerator}`);
        return register(accelerator);
      },
      unregisterAll: () => void calls.push('unregisterAll'),
    },
  };
}

describe('the global shortcut with a recording globalShortcut (Electron stood in)', () => {
  it('replaces the previous shortcut with the configured one', () => {
    const { calls, shortcuts } = recordingShortcuts(() => true);
    expect(applyGlobalShortcut(shortcuts, 'CommandOrControl+Shift+T', () => undefined)).toBe('active');
    expect(calls).toEqual(['unregisterAll', 'register CommandOrControl+Shift+T']);
  });

  it('registers nothing when the setting is empty', () => {
    const { calls, shortcuts } = recordingShortcuts(() => true);
    expect(applyGlobalShortcut(shortcuts, '', () => undefined)).toBe('none');
    expect(calls).toEqual(['unregisterAll']);
  });

  it('answers refused when another app owns the combination or Electron refuses it, and the notice says what to do', () => {
    expect(applyGlobalShortcut(recordingShortcuts(() => false).shortcuts, 'Alt+F1', () => undefined)).toBe('refused');
    expect(
      applyGlobalShortcut(
        recordingShortcuts(() => {
          throw new Error('bad accelerator');
        }).shortcuts,
        'Alt+F1',
        () => undefined,
      ),
    ).toBe('refused');
    expect(refusedShortcutNotice('Alt+F1')).toEqual({
      title: 'The shortcut Alt+F1 is not active',
      body: expect.stringMatching(/Choose another one in Settings/),
    });
  });
});

describe('the Wayland shortcut portal switch on the stand-in app (Electron stood in)', () => {
  it('is appended before ready on a Linux Wayland session, so the stand-in (as Chromium) reads it', () => {
    const app = new StandInApp(new Recorder(), { platform: 'linux', wayland: true, signedBundle: true });
    expect(enableShortcutPortal(app.commandLine, 'linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    app.becomeReady();
    expect(app.featureEnabled('GlobalShortcutsPortal')).toBe(true);
  });

  it('a switch appended after ready is not read (Chromium has started)', () => {
    const app = new StandInApp(new Recorder(), { platform: 'linux', wayland: true, signedBundle: true });
    app.becomeReady();
    enableShortcutPortal(app.commandLine, 'linux', { WAYLAND_DISPLAY: 'wayland-0' });
    expect(app.featureEnabled('GlobalShortcutsPortal')).toBe(false);
  });

  it('is left off on X11, macOS and Windows', () => {
    const app = new StandInApp(new Recorder());
    expect(enableShortcutPortal(app.commandLine, 'linux', { DISPLAY: ':0' })).toBe(false);
    expect(enableShortcutPortal(app.commandLine, 'darwin', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(false);
    expect(app.switches).toEqual([]);
  });
});

describe('a second global shortcut (quick copy)', () => {
  it('binds beside the first without dropping it, and says when it is refused or absent', () => {
    const registered: string[] = [];
    const shortcuts = { register: (accelerator: string) => (registered.push(accelerator), accelerator !== 'Alt+F2') };
    expect(addGlobalShortcut(shortcuts, 'CommandOrControl+Shift+Space', () => undefined)).toBe('active');
    expect(addGlobalShortcut(shortcuts, 'Alt+F2', () => undefined)).toBe('refused');
    expect(addGlobalShortcut(shortcuts, '', () => undefined)).toBe('none');
    expect(
      addGlobalShortcut(
        {
          register: () => {
            throw new Error('bad accelerator');
          },
        },
        'Nope',
        () => undefined,
      ),
    ).toBe('refused');
    expect(registered).toEqual(['CommandOrControl+Shift+Space', 'Alt+F2']);
  });
});
