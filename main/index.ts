// The Electron main process: wiring only. It builds the real adapters, hands them to the core and registers
// the IPC handlers of the one contract. All logic lives in main/core, main/ipc and main/electron.
import { app, BrowserWindow, clipboard, ClipboardItem, globalShortcut, ipcMain, Menu, nativeTheme, net, Notification, powerMonitor, session, Tray } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Core } from './core/core.ts';
import { KeytarSecretStore } from './core/keychain/keytar-secret-store.ts';
import { FileLogger } from './core/logging/file-logger.ts';
import { configDir } from './core/profiles/config-dir.ts';
import type { AppSettings } from './core/settings/app-settings.ts';
import { SettingsStore } from './core/settings/settings-store.ts';
import { appPaths } from './electron/app-paths.ts';
import { applyGlobalShortcut } from './electron/global-shortcut.ts';
import { watchSystemEvents } from './electron/system-events.ts';
import { keepInTray, mainWindowOptions } from './electron/main-window.ts';
import { noticesFor } from './electron/notifications.ts';
import { ElectronTokenClipboard } from './electron/token-clipboard.ts';
import { TrayController } from './electron/tray-controller.ts';
import type { TrayAction } from './electron/tray-menu.ts';
import { lockDownWebContents } from './electron/web-security.ts';
import { CHANGED_CHANNEL, SIGN_IN_REQUESTED_CHANNEL, type ProfileView } from './ipc/contract.ts';
import { createApi, createIpcHandlers } from './ipc/handlers.ts';
import { openInSystemBrowser } from './electron/system-browser.ts';
import { registerHandlers } from './ipc/register-handlers.ts';

const paths = appPaths(__dirname, process.platform, nativeTheme.shouldUseDarkColors);
const pageUrl = pathToFileURL(paths.page).href;
const isAppPage = (url: string): boolean => url === pageUrl || url.startsWith(`${pageUrl}#`) || url.startsWith(`${pageUrl}?`);

// Another config folder (the demo, tests) is another instance: its own Electron data and single-instance lock.
if (process.env.CTM_CONFIG_DIR) app.setPath('userData', join(process.env.CTM_CONFIG_DIR, 'electron'));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let quitting = false;
  let window: BrowserWindow | undefined;
  let trayController: TrayController | undefined;
  let lastProfiles: ProfileView[] | undefined;
  const core = new Core({ configDir: configDir(), secretStore: new KeytarSecretStore(), logger: new FileLogger(configDir()) });
  const settings = new SettingsStore(configDir());
  const tokenClipboard = new ElectronTokenClipboard(clipboard, (items) => new ClipboardItem(items));
  // Every change (the window's, the tray's, a refresh's) lands here: push it to the page, update the tray, notify.
  const changed = (): void => void onChanged();
  // Managed login opens the system browser (Electron docs: shell.openExternal), never a window of ours.
  const api = createApi(core, tokenClipboard, { settings, changed, openExternal: openInSystemBrowser });

  const showWindow = (): BrowserWindow => {
    if (!window || window.isDestroyed()) {
      window = new BrowserWindow(mainWindowOptions(paths.preload));
      keepInTray(window, () => quitting);
      void window.loadFile(paths.page);
    } else {
      window.show();
      window.focus();
    }
    return window;
  };
  const send = (channel: string, ...args: unknown[]): void => {
    if (window && !window.isDestroyed()) window.webContents.send(channel, ...args);
  };
  const runTrayAction = (action: TrayAction): void => {
    if (action.kind === 'open') showWindow();
    else if (action.kind === 'quit') app.quit();
    else if (action.kind === 'copy') void api.copyToken(action.profileId, action.token, action.format).catch(() => undefined);
    else if (action.kind === 'refresh') void api.refreshNow(action.profileId).catch(() => undefined);
    else if (action.kind === 'sign-in') {
      const shown = showWindow();
      // A freshly created page asks for the profile itself once loaded; an open one hears it now.
      if (shown.webContents.isLoading()) shown.webContents.once('did-finish-load', () => send(SIGN_IN_REQUESTED_CHANNEL, action.profileId));
      else send(SIGN_IN_REQUESTED_CHANNEL, action.profileId);
    }
  };
  async function onChanged(): Promise<void> {
    send(CHANGED_CHANNEL);
    let problem: string | undefined;
    const profiles = await api.listProfiles().catch((error: unknown) => {
      problem = error instanceof Error ? error.message : 'The profiles could not be read.';
      return undefined;
    });
    // Without the profiles (a locked keychain, a broken file) the tray still offers Open and Quit, and says why.
    trayController?.show(profiles ?? [], Date.now(), problem);
    if (!profiles) return;
    if (Notification.isSupported()) for (const notice of noticesFor(lastProfiles, profiles)) new Notification(notice).show();
    lastProfiles = profiles;
  }
  const applySettings = (current: AppSettings): void => {
    tokenClipboard.setClearAfter(current.clipboardClearSeconds * 1000);
    if (app.getLoginItemSettings().openAtLogin !== current.startAtLogin) app.setLoginItemSettings({ openAtLogin: current.startAtLogin });
    applyGlobalShortcut(globalShortcut, current.globalShortcut, () => {
      if (current.defaultProfileId) void api.copyToken(current.defaultProfileId, 'access', 'raw').catch(() => undefined);
    });
  };

  app.on('second-instance', () => void showWindow());
  app.on('before-quit', () => {
    quitting = true;
    void tokenClipboard.clearIfOurs();
  });
  app.on('will-quit', () => globalShortcut.unregisterAll());
  app.on('will-quit', () => core.scheduler.stop());
  app.on('window-all-closed', () => {
    // Stay in the tray.
  });

  void app.whenReady().then(async () => {
    lockDownWebContents(app, session.defaultSession, isAppPage);
    registerHandlers(ipcMain, createIpcHandlers(api), isAppPage);
    const tray = new Tray(paths.trayIcon);
    tray.on('click', () => void showWindow());
    trayController = new TrayController({ tray, buildMenu: (template) => Menu.buildFromTemplate(template), icons: paths.trayIcons, run: runTrayAction });
    settings.onChange(applySettings);
    applySettings(await settings.get());
    await onChanged();
    // `npm run bench` (test/bench/electron) times launch to this point; nothing is printed otherwise.
    if (process.env.CTM_BENCH_READY === '1') process.stdout.write(`ctm-bench: tray-ready ${performance.now().toFixed(1)}\n`);
    // Tokens stay fresh on their own: restore and renew on start, then follow sleep, unlock, clock jumps and the network.
    let changeSoon: NodeJS.Timeout | undefined; // a storm of refreshes makes one update, not one per profile
    core.scheduler.onChange(() => void (changeSoon ??= setTimeout(() => ((changeSoon = undefined), changed()), 250)));
    void core.scheduler.start().catch(() => undefined);
    watchSystemEvents({ powerMonitor, net, scheduler: core.scheduler });
    // Time left moves on its own: the tray's model is recomputed from what is known (no keychain read), and the
    // menu is only rebuilt when the minute shown changes.
    setInterval(() => {
      if (lastProfiles) trayController?.show(lastProfiles, Date.now());
    }, 30_000).unref();
    showWindow();
  });
}
