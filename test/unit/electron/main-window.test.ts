import { describe, expect, it } from 'vitest';
import { bringBack, closeBehaviour, keepInTray } from '../../../main/electron/main-window.ts';
import { Recorder, StandInApp, StandInBrowserWindow } from '../../support/electron-standin/standin-app.ts';

describe('closeBehaviour: where the window goes on close', () => {
  it('minimises on upstream GNOME (no tray without the AppIndicator extension), hides everywhere else', () => {
    expect(closeBehaviour('linux', { XDG_CURRENT_DESKTOP: 'GNOME' })).toBe('minimize');
    expect(closeBehaviour('linux', { XDG_CURRENT_DESKTOP: 'GNOME', CTM_TRAY: 'on' })).toBe('hide');
    expect(closeBehaviour('linux', { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' })).toBe('hide');
    expect(closeBehaviour('linux', { XDG_CURRENT_DESKTOP: 'KDE' })).toBe('hide');
    expect(closeBehaviour('win32', { XDG_CURRENT_DESKTOP: 'GNOME' })).toBe('hide');
  });
});

describe('keepInTray and bringBack on the stand-in window (Electron stood in)', () => {
  it('shows at ready-to-show, minimises on close where there is no tray, and comes back restored', async () => {
    const recorder = new Recorder();
    new StandInApp(recorder);
    const window = new StandInBrowserWindow({ show: false });
    keepInTray(window as unknown as Electron.BrowserWindow, () => false, 'minimize');
    await window.loadFile(new URL(import.meta.url).pathname);
    expect(window.visible).toBe(true);
    expect(window.close()).toBe(false);
    expect(window.minimized).toBe(true);
    bringBack(window);
    expect(window.minimized).toBe(false);
    expect(recorder.calls.map((c) => c.api).slice(-4)).toEqual([
      'window.minimize',
      'window.restore',
      'window.show',
      'window.focus',
    ]);
  });

  it('lets the window close while quitting', () => {
    new StandInApp(new Recorder());
    const window = new StandInBrowserWindow({ show: false });
    keepInTray(window as unknown as Electron.BrowserWindow, () => true);
    expect(window.close()).toBe(true);
    expect(window.isDestroyed()).toBe(true);
  });
});
