import type { App } from 'electron';

/** The part of Electron's app the quit sequence uses. */
export type QuitApp = Pick<App, 'on' | 'quit'>;

/** The part of Electron's powerMonitor that tells a quit started by the system. */
export interface ShutdownEvents {
  on(event: 'shutdown', listener: () => void): unknown;
}

/**
 * Quits only after `clear` has settled (the clipboard clear of a copied token), at most `limitMs` later.
 * Electron does not wait for a promise in 'before-quit': the first quit is cancelled with preventDefault()
 * (https://www.electronjs.org/docs/latest/api/app#event-before-quit), the clear awaited, then quit() called again.
 * Not when the system quits the app (restart, shut-down, log-out; powerMonitor 'shutdown' on Linux and macOS): macOS
 * reads a cancelled quit as the app refusing and stops the shut-down (electron/electron #230), so the clear is only
 * started then (the session's clipboard ends with it anyway).
 */
export function clearBeforeQuit(
  app: QuitApp,
  clear: () => Promise<void>,
  limitMs = 2_000,
  system?: ShutdownEvents,
): void {
  let state: 'running' | 'clearing' | 'cleared' = 'running';
  let systemQuitting = false;
  system?.on('shutdown', () => (systemQuitting = true));
  app.on('before-quit', (event) => {
    if (state === 'cleared') return;
    if (systemQuitting) {
      if (state === 'running') void clear().catch(() => undefined);
      state = 'cleared';
      return;
    }
    event.preventDefault();
    if (state === 'clearing') return;
    state = 'clearing';
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, limitMs)));
    void Promise.race([clear().catch(() => undefined), limit]).then(() => {
      clearTimeout(timer);
      state = 'cleared';
      app.quit();
    });
  });
}

/**
 * Shows the window when the user comes back to the running app: a second launch ('second-instance', any
 * platform) or a click on the Dock icon ('activate', macOS), https://www.electronjs.org/docs/latest/api/app#event-activate-macos.
 */
export function showOnReturn(app: Pick<App, 'on'>, show: () => void): void {
  app.on('second-instance', () => show());
  app.on('activate', () => show());
}
