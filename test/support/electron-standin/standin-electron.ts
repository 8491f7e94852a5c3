// The whole `electron` module as a stand-in (Electron cannot run here): app and windows run their lifecycle
// (standin-app.ts), menus are checked (standin-menu.ts), the tray, theme and notifications behave as documented.
import { EventEmitter } from 'node:events';
import { StandInApp, StandInBrowserWindow, Recorder } from './standin-app.ts';
import { allItems, standInMenu, type StandInMenu } from './standin-menu.ts';
import { StandInClipboard, StandInClipboardItem } from './standin-clipboard.ts';
import { StandInIpcMain } from './preload-in-page.ts';

/** Tray: icon, tooltip and context menu as last set; click() and clickMenu(label) drive it as a user would. */
export class StandInTray extends EventEmitter {
  static recorder: Recorder;
  static last: StandInTray | undefined;
  menu: StandInMenu | undefined;
  image: string;
  tooltip = '';
  constructor(image: string) {
    super();
    this.image = image;
    StandInTray.recorder.record('new Tray', image);
    StandInTray.last = this;
  }
  setImage(image: string): void { this.image = image; StandInTray.recorder.record('tray.setImage', image); }
  setToolTip(text: string): void { this.tooltip = text; StandInTray.recorder.record('tray.setToolTip', text); }
  setContextMenu(menu: StandInMenu): void { this.menu = menu; StandInTray.recorder.record('tray.setContextMenu'); }
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

/** Builds the stand-in module; `notifications` says whether Notification.isSupported() (api/notification#notificationissupported). */
export function standInElectron(options: { notifications?: boolean; packaged?: boolean } = {}) {
  const recorder = new Recorder();
  const app = new StandInApp(recorder);
  app.isPackaged = options.packaged ?? false;
  StandInTray.recorder = recorder;
  StandInTray.last = undefined;
  const nativeTheme = new StandInNativeTheme();
  const clipboard = new StandInClipboard();
  const ipcMain = new StandInIpcMain();
  const record = (api: string) => (...args: unknown[]): void => recorder.record(api, ...args);
  // globalShortcut keeps what is registered, so a test can press it (api/global-shortcut).
  const shortcuts = new Map<string, () => void>();
  const globalShortcut = {
    register: (accelerator: string, callback: () => void): boolean => (recorder.record('globalShortcut.register', accelerator), shortcuts.set(accelerator, callback), true),
    unregisterAll: (): void => (recorder.record('globalShortcut.unregisterAll'), shortcuts.clear()),
    /** Driver: the user pressed every registered combination. */
    pressAll: (): void => shortcuts.forEach((callback) => callback()),
  };
  class Notification {
    static isSupported(): boolean { return options.notifications ?? true; }
    readonly options: { title: string; body: string };
    constructor(notice: { title: string; body: string }) { this.options = notice; }
    show(): void { recorder.record('notification.show', this.options.title, this.options.body); }
  }
  const electron = {
    app,
    BrowserWindow: StandInBrowserWindow,
    Tray: StandInTray,
    Menu: standInMenu(recorder),
    ipcMain: { handle: (channel: string, listener: Parameters<StandInIpcMain['handle']>[1]) => { recorder.record('ipcMain.handle', channel); ipcMain.handle(channel, listener); } },
    clipboard,
    ClipboardItem: StandInClipboardItem,
    session: { defaultSession: { setPermissionRequestHandler: record('session.setPermissionRequestHandler'), setPermissionCheckHandler: record('session.setPermissionCheckHandler') } },
    nativeTheme,
    Notification,
    powerMonitor: new EventEmitter(),
    // net.fetch is the Fetch API through Chromium's network stack (Electron docs, "net.fetch"); here Node's fetch stands in.
    net: { isOnline: () => true, fetch: (url: string, init?: RequestInit) => fetch(url, init) },
    dialog: { showMessageBox: async (o: unknown) => (recorder.record('dialog.showMessageBox', o), { response: 0 }) },
    globalShortcut,
  };
  return { electron, recorder, app, nativeTheme, clipboard, ipcMain, globalShortcut, tray: () => StandInTray.last, windows: () => [...StandInBrowserWindow.all] };
}
