// The whole `electron` module as a stand-in (Electron cannot run here): app and windows run their lifecycle
// (standin-app.ts), menus are checked (standin-menu.ts), the tray, theme and notifications behave as documented.
import { EventEmitter } from 'node:events';
import { StandInApp, StandInBrowserWindow, Recorder } from './standin-app.ts';
import { allItems, standInMenu, type StandInMenu } from './standin-menu.ts';
import { StandInClipboard, StandInClipboardItem } from './standin-clipboard.ts';
import type { StandInDesktop } from './standin-desktop.ts';
import { StandInIpcMain } from './preload-in-page.ts';

/** Tray: icon, tooltip and context menu as last set; clickIcon() and clickMenu(label) drive it as a user would. */
export class StandInTray extends EventEmitter {
  static recorder: Recorder;
  static last: StandInTray | undefined;
  static platform: NodeJS.Platform = 'linux';
  menu: StandInMenu | undefined;
  image: string;
  tooltip = '';
  constructor(image: string) {
    super();
    this.image = image;
    StandInTray.recorder.record('new Tray', image);
    StandInTray.last = this;
  }
  setImage(image: string): void {
    this.image = image;
    StandInTray.recorder.record('tray.setImage', image);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
    StandInTray.recorder.record('tray.setToolTip', text);
  }
  /** tray.setTitle(title): "Sets the title displayed next to the tray icon in the status bar" (macOS; api/tray). */
  setTitle(title: string): void {
    if (StandInTray.platform === 'darwin') StandInTray.recorder.record('tray.setTitle', title);
  }
  setContextMenu(menu: StandInMenu): void {
    this.menu = menu;
    StandInTray.recorder.record('tray.setContextMenu');
  }
  /**
   * Driver: a left click on the tray icon. Windows: 'click' (the context menu opens on a right click). macOS: 'click'
   * is emitted even when a context menu is set, each time that menu opens (electron/electron PR #24200). Linux: the
   * icon is a StatusNotifier/AppIndicator item, which opens its menu and emits no 'click' (api/tray: "On Linux the app
   * indicator will be used if it is supported ... The click event is ignored").
   */
  clickIcon(): void {
    const platform = StandInTray.platform;
    if (platform !== 'linux') this.emit('click', {}, { x: 0, y: 0, width: 16, height: 16 }, { x: 0, y: 0 });
    if (platform !== 'win32' && this.menu) StandInTray.recorder.record('tray: menu opened');
  }
  /** Driver: a click on the item whose label starts with `label` (searching submenus). */
  clickMenu(label: string): void {
    const item = allItems(this.menu).find((i) => i.label?.startsWith(label));
    if (!item?.click || item.enabled === false) throw new Error(`no enabled tray item '${label}'`);
    item.click();
  }
}

/**
 * nativeTheme: settable colours; 'updated' is "Emitted when something in the underlying NativeTheme has changed"
 * (https://www.electronjs.org/docs/latest/api/native-theme#event-updated).
 */
export class StandInNativeTheme extends EventEmitter {
  shouldUseDarkColors = false;
  shouldUseDarkColorsForSystemIntegratedUI = false;
  /** Driver: the user switched the app or system theme. */
  change(colours: { app?: boolean; system?: boolean }): void {
    this.shouldUseDarkColors = colours.app ?? this.shouldUseDarkColors;
    this.shouldUseDarkColorsForSystemIntegratedUI = colours.system ?? this.shouldUseDarkColorsForSystemIntegratedUI;
    this.emit('updated');
  }
}

/** What the stand-in module plays: Notification.isSupported() (api/notification#notificationissupported), a packaged build, the desktop, combinations other apps own. */
export interface StandInOptions {
  notifications?: boolean;
  packaged?: boolean;
  desktop?: StandInDesktop;
  /** Accelerators another application already owns: register() answers false for them. */
  takenShortcuts?: string[];
}

/** Builds the stand-in module. */
export function standInElectron(options: StandInOptions = {}) {
  const recorder = new Recorder();
  const desktop = options.desktop ?? { platform: process.platform, wayland: false, signedBundle: true };
  const app = new StandInApp(recorder, desktop);
  app.isPackaged = options.packaged ?? false;
  StandInTray.recorder = recorder;
  StandInTray.last = undefined;
  StandInTray.platform = desktop.platform;
  const nativeTheme = new StandInNativeTheme();
  const clipboard = new StandInClipboard({
    wayland: desktop.wayland,
    focused: () => StandInBrowserWindow.getFocusedWindow() !== null,
    record: (api) => recorder.record(api),
  });
  const ipcMain = new StandInIpcMain();
  const record =
    (api: string) =>
    (...args: unknown[]): void =>
      recorder.record(api, ...args);
  // globalShortcut keeps what is bound, so a test can press it (api/global-shortcut).
  const shortcuts = new Map<string, () => void>();
  const globalShortcut = {
    /**
     * register(): "This module cannot be used before the ready event"; answers false when "the accelerator is already
     * taken by other applications" (api/global-shortcut#globalshortcutregisteraccelerator-callback). On a Wayland
     * session a native client cannot grab keys: only Chromium's GlobalShortcutsPortal, enabled with
     * `app.commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal')` before ready (same page), binds a
     * combination; without it register() still answers true and nothing is bound (electron/electron #52218, #15863).
     */
    register: (accelerator: string, callback: () => void): boolean => {
      recorder.record('globalShortcut.register', accelerator);
      if (!app.readyNow) throw new Error('globalShortcut cannot be used before the app is ready');
      if ((options.takenShortcuts ?? []).includes(accelerator)) return false;
      if (desktop.wayland && !app.featureEnabled('GlobalShortcutsPortal'))
        return (recorder.record('globalShortcut: not bound (Wayland without the portal)'), true);
      shortcuts.set(accelerator, callback);
      return true;
    },
    unregisterAll: (): void => (recorder.record('globalShortcut.unregisterAll'), shortcuts.clear()),
    /** Driver: the user pressed every combination the desktop bound. */
    pressAll: (): void => shortcuts.forEach((callback) => callback()),
  };
  class Notification {
    static isSupported(): boolean {
      return options.notifications ?? true;
    }
    readonly options: { title: string; body: string };
    constructor(notice: { title: string; body: string }) {
      this.options = notice;
    }
    /** macOS delivers through UNUserNotificationCenter, which drops an unsigned bundle's notifications (electron/electron #47817). */
    show(): void {
      if (desktop.platform === 'darwin' && !desktop.signedBundle)
        return recorder.record('notification dropped (unsigned macOS bundle)', this.options.title);
      recorder.record('notification.show', this.options.title, this.options.body);
    }
  }
  const powerMonitor = new EventEmitter();
  const electron = {
    app,
    BrowserWindow: StandInBrowserWindow,
    Tray: StandInTray,
    Menu: standInMenu(recorder),
    ipcMain: {
      handle: (channel: string, listener: Parameters<StandInIpcMain['handle']>[1]) => {
        recorder.record('ipcMain.handle', channel);
        ipcMain.handle(channel, listener);
      },
    },
    clipboard,
    ClipboardItem: StandInClipboardItem,
    session: {
      defaultSession: {
        setPermissionRequestHandler: record('session.setPermissionRequestHandler'),
        setPermissionCheckHandler: record('session.setPermissionCheckHandler'),
      },
    },
    nativeTheme,
    Notification,
    // powerMonitor: 'shutdown' is emitted on Linux and macOS before the system quits the app (api/power-monitor); see app.systemQuit().
    powerMonitor,
    // net.fetch is the Fetch API through Chromium's network stack (Electron docs, "net.fetch"); here Node's fetch stands in.
    net: { isOnline: () => true, fetch: (url: string, init?: RequestInit) => fetch(url, init) },
    dialog: { showMessageBox: async (o: unknown) => (recorder.record('dialog.showMessageBox', o), { response: 0 }) },
    globalShortcut,
  };
  return {
    electron,
    recorder,
    app,
    desktop,
    nativeTheme,
    clipboard,
    ipcMain,
    globalShortcut,
    powerMonitor,
    tray: () => StandInTray.last,
    windows: () => [...StandInBrowserWindow.all],
  };
}
