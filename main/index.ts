// The Electron main process: wiring only. It builds the real adapters, hands them to the core and registers
// the IPC handlers of the one contract. All logic lives in main/core, main/ipc and main/electron.
import { app, BrowserWindow, clipboard, ipcMain, Menu, session, Tray } from 'electron';
import { pathToFileURL } from 'node:url';
import { Core } from './core/core.ts';
import { KeytarSecretStore } from './core/keychain/keytar-secret-store.ts';
import { configDir } from './core/profiles/config-dir.ts';
import { appPaths } from './electron/app-paths.ts';
import { keepInTray, mainWindowOptions } from './electron/main-window.ts';
import { ElectronTokenClipboard } from './electron/token-clipboard.ts';
import { trayMenuTemplate } from './electron/tray-menu.ts';
import { lockDownWebContents } from './electron/web-security.ts';
import { createApi, createIpcHandlers } from './ipc/handlers.ts';
import { registerHandlers } from './ipc/register-handlers.ts';

const paths = appPaths(__dirname);
const pageUrl = pathToFileURL(paths.page).href;
const isAppPage = (url: string): boolean => url === pageUrl || url.startsWith(`${pageUrl}#`) || url.startsWith(`${pageUrl}?`);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let quitting = false;
  let window: BrowserWindow | undefined;
  let tray: Tray | undefined;
  const core = new Core({ configDir: configDir(), secretStore: new KeytarSecretStore() });
  const tokenClipboard = new ElectronTokenClipboard(clipboard);
  const api = createApi(core, tokenClipboard);

  const showWindow = (): void => {
    if (!window || window.isDestroyed()) {
      window = new BrowserWindow(mainWindowOptions(paths.preload));
      keepInTray(window, () => quitting);
      void window.loadFile(paths.page);
    } else {
      window.show();
      window.focus();
    }
  };
  const rebuildTrayMenu = async (): Promise<void> => {
    const profiles = await api.listProfiles().catch(() => []);
    tray?.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(profiles, api, { open: showWindow, quit: () => app.quit() }, Date.now())));
  };

  app.on('second-instance', showWindow);
  app.on('before-quit', () => {
    quitting = true;
    void tokenClipboard.clearIfOurs();
  });
  app.on('window-all-closed', () => {
    // Stay in the tray.
  });

  void app.whenReady().then(() => {
    lockDownWebContents(app, session.defaultSession, isAppPage);
    registerHandlers(ipcMain, createIpcHandlers(api), isAppPage);
    tray = new Tray(paths.trayIcon);
    tray.setToolTip('Cognito Token Manager');
    tray.on('click', showWindow);
    void rebuildTrayMenu();
    setInterval(() => void rebuildTrayMenu(), 30_000).unref();
    showWindow();
  });
}
