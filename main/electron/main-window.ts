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

/** Shows the page and hides (instead of closing) on close, so the app lives on in the tray. */
export function keepInTray(window: BrowserWindow, isQuitting: () => boolean): void {
  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    if (isQuitting()) return;
    event.preventDefault();
    window.hide();
  });
}
