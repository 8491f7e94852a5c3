import { describe, expect, it } from 'vitest';
import { desktopNames, panelIsDark } from '../../../main/electron/tray-theme.ts';
import { electronInitEnvironment } from '../../support/electron-standin/standin-desktop.ts';

const light = { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: false };

describe('panelIsDark: which glyph suits the panel the tray sits in', () => {
  it('Windows: the taskbar follows the system theme, even when the app theme differs', () => {
    expect(panelIsDark('win32', { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: true })).toBe(
      true,
    );
    expect(panelIsDark('win32', { shouldUseDarkColors: true, shouldUseDarkColorsForSystemIntegratedUI: false })).toBe(
      false,
    );
  });

  it('Linux: the desktop theme (KDE, Xfce and others)', () => {
    expect(panelIsDark('linux', { shouldUseDarkColors: true, shouldUseDarkColorsForSystemIntegratedUI: false })).toBe(
      true,
    );
    expect(panelIsDark('linux', light, { XDG_CURRENT_DESKTOP: 'KDE' })).toBe(false);
  });

  it("GNOME: dark whatever the GTK theme (the top bar is dark), also on Ubuntu after Electron's start-up rewrote the desktop to Unity", () => {
    expect(panelIsDark('linux', light, { XDG_CURRENT_DESKTOP: 'GNOME' })).toBe(true);
    const ubuntu: NodeJS.ProcessEnv = { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' };
    electronInitEnvironment(ubuntu, 'linux');
    expect(ubuntu.XDG_CURRENT_DESKTOP).toBe('Unity');
    expect(desktopNames(ubuntu)).toEqual(['ubuntu', 'gnome']);
    expect(panelIsDark('linux', light, ubuntu)).toBe(true);
  });
});
