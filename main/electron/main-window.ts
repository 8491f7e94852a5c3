import { desktopNames } from './tray-theme.ts';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

/** The hardened settings of the app's only window (Electron's security checklist). */
export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 960,
    height: 640,
    minWidth: 560,
    minHeight: 360,
    show: false,
    title: 'Cognito Token Manager',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}

/** What closing the window does: hide it to the tray, or minimise it where no tray can be seen (so the app stays reachable). */
export type CloseBehaviour = 'hide' | 'minimize';

/**
 * Hide to the tray, except on a GNOME desktop that may show no tray at all: GNOME Shell dropped the legacy tray and
 * shows StatusNotifier items only with the AppIndicator extension, which Ubuntu and Pop!_OS ship (XDG_CURRENT_DESKTOP
 * "ubuntu:GNOME") and upstream GNOME (Fedora, Debian) does not. There the window minimises, staying in the dock.
 */
export function closeBehaviour(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): CloseBehaviour {
  if (platform !== 'linux') return 'hide';
  // The session's own names: Electron has rewritten Ubuntu's "ubuntu:GNOME" to "Unity" by the time this runs.
  const desktops = desktopNames(env);
  return desktops.includes('gnome') &&
    !desktops.includes('ubuntu') &&
    !desktops.includes('pop') &&
    env.CTM_TRAY !== 'on'
    ? 'minimize'
    : 'hide';
}

/** The part of a window that keepInTray uses (Electron's BrowserWindow, or the stand-in's). */
export interface TrayKeptWindow {
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  show(): void;
  hide(): void;
  minimize(): void;
}

/** Shows the page once rendered, and hides or minimises it (instead of closing) on close, so the app lives on. */
export function keepInTray(window: TrayKeptWindow, isQuitting: () => boolean, onClose: CloseBehaviour = 'hide'): void {
  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    if (isQuitting()) return;
    event.preventDefault();
    if (onClose === 'minimize') window.minimize();
    else window.hide();
  });
}

/** Brings the window back from hidden or minimised, in front (a second launch, a Dock click, the tray). */
export function bringBack(window: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
