// A stand-in for Electron's app and BrowserWindow (Electron cannot run here) that runs the lifecycle our code
// depends on, as Electron's docs describe it; each behaviour cites its page.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { StandInDesktop } from './standin-desktop.ts';

/** One call the code under test made, or one event the stand-in emitted, in order. */
export interface Call {
  api: string;
  args: unknown[];
}

/** Keeps calls in order; functions are recorded as '[function]' so the log can travel as JSON. */
export class Recorder {
  readonly calls: Call[] = [];
  record(api: string, ...args: unknown[]): void {
    this.calls.push({ api, args: args.map((a) => (typeof a === 'function' ? '[function]' : a)) });
  }
  find(api: string): Call[] {
    return this.calls.filter((c) => c.api === api);
  }
}

/** Electron's Event as its listeners see it: preventDefault() cancels the default action. */
export class StandInEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** BrowserWindow: show/hide/minimize/restore state, 'close' that preventDefault() cancels, ready-to-show after loading. */
export class StandInBrowserWindow extends EventEmitter {
  static app: StandInApp;
  static readonly all = new Set<StandInBrowserWindow>();
  visible: boolean;
  minimized = false;
  /** Whether this window has keyboard focus (a shown window takes it; hiding, minimising or another app's window takes it away). */
  focused = false;
  destroyed = false;
  readonly webContents: EventEmitter & {
    send(channel: string, ...args: unknown[]): void;
    setWindowOpenHandler(h: unknown): void;
    isLoading(): boolean;
  };

  constructor(options: { show?: boolean } = {}) {
    super();
    const app = StandInBrowserWindow.app;
    app.recorder.record('new BrowserWindow', options);
    // "show boolean (optional) - Whether window should be shown when created. Default is true." (api/structures/base-window-options)
    this.visible = options.show !== false;
    this.focused = this.visible;
    StandInBrowserWindow.all.add(this);
    let loading = false;
    this.webContents = Object.assign(new EventEmitter(), {
      send: (channel: string, ...args: unknown[]) => app.recorder.record('webContents.send', channel, ...args),
      setWindowOpenHandler: () => app.recorder.record('webContents.setWindowOpenHandler'),
      isLoading: () => loading,
    });
    this.loadFile = async (path: string): Promise<void> => {
      app.recorder.record('window.loadFile', path);
      loading = true;
      await new Promise((resolve) => setImmediate(resolve));
      loading = false;
      // loadFile rejects when the page fails to load (api/browser-window#winloadfilefilepath-options).
      if (!existsSync(path)) throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${path}'`);
      this.webContents.emit('did-finish-load');
      // 'ready-to-show': "Emitted when the web page has been rendered (while not being shown)" (api/browser-window#event-ready-to-show).
      if (!this.visible) this.emit('ready-to-show', new StandInEvent());
    };
    app.emit('web-contents-created', new StandInEvent(), this.webContents);
  }
  loadFile: (path: string) => Promise<void>;
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  /** win.show(): "Shows and gives focus to the window" (does not restore a minimised window: that is win.restore()). */
  show(): void {
    this.record('window.show');
    this.visible = true;
    this.focused = true;
    this.emit('show');
  }
  hide(): void {
    this.record('window.hide');
    this.visible = false;
    this.focused = false;
    this.emit('hide');
  }
  focus(): void {
    this.record('window.focus');
    this.focused = this.visible && !this.minimized;
  }
  isFocused(): boolean {
    return this.focused;
  }
  minimize(): void {
    this.record('window.minimize');
    this.minimized = true;
    this.focused = false;
    this.emit('minimize');
  }
  restore(): void {
    this.record('window.restore');
    this.minimized = false;
    this.visible = true;
    this.focused = true;
    this.emit('restore');
  }
  /** Driver: the user clicked into another application's window. */
  loseFocus(): void {
    this.focused = false;
    this.emit('blur');
  }
  /** BrowserWindow.getFocusedWindow(): the window of this app that has focus, or null. */
  static getFocusedWindow(): StandInBrowserWindow | null {
    return [...StandInBrowserWindow.all].find((w) => w.focused) ?? null;
  }
  /** win.close(): "Try to close the window. This has the same effect as a user manually clicking the close button." 'close' can cancel it. */
  close(): boolean {
    const event = new StandInEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroyed = true;
    this.visible = false;
    this.focused = false;
    StandInBrowserWindow.all.delete(this);
    this.record('window.closed');
    this.emit('closed');
    StandInBrowserWindow.app.lastWindowClosed();
    return true;
  }
  private record(api: string): void {
    StandInBrowserWindow.app.recorder.record(api);
  }
}

/** Electron's app: ready, quit (before-quit -> close windows -> will-quit -> quit), exit, second-instance, activate. */
export class StandInApp extends EventEmitter {
  readonly recorder: Recorder;
  readonly desktop: StandInDesktop;
  isPackaged = false;
  exited: number | undefined;
  readyNow = false;
  private quitting = false;
  private resolveReady: () => void = () => undefined;
  private readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
  /** What the stand-in process does on exit (the runner prints its log). */
  onExit: (code: number) => void = () => undefined;
  /** app.dock: "macOS" only (api/app#appdock-macos-readonly); undefined elsewhere, so `app.dock.hide()` throws there. */
  readonly dock: { hide(): void } | undefined;
  /** The switches appended through app.commandLine, and whether each came before 'ready' (Chromium reads them at start). */
  readonly switches: { name: string; value: string; beforeReady: boolean }[] = [];
  /** app.commandLine (api/command-line): appendSwitch "Append a switch (with optional value) to Chromium's command line". */
  readonly commandLine = {
    appendSwitch: (name: string, value = ''): void => {
      this.recorder.record('app.commandLine.appendSwitch', name, value);
      this.switches.push({ name, value, beforeReady: !this.readyNow });
    },
    hasSwitch: (name: string): boolean => this.switches.some((s) => s.name === name),
    getSwitchValue: (name: string): string => this.switches.findLast((s) => s.name === name)?.value ?? '',
  };
  private loginItem = { openAtLogin: false };

  constructor(recorder: Recorder, desktop: StandInDesktop = { platform: 'linux', wayland: false, signedBundle: true }) {
    super();
    this.recorder = recorder;
    this.desktop = desktop;
    this.dock = desktop.platform === 'darwin' ? { hide: (): void => this.recorder.record('app.dock.hide') } : undefined;
    StandInBrowserWindow.app = this;
    StandInBrowserWindow.all.clear();
  }
  /** Whether a Chromium feature was enabled through `--enable-features` before 'ready' (later switches are not read). */
  featureEnabled(feature: string): boolean {
    return this.switches.some(
      (s) => s.name === 'enable-features' && s.beforeReady && s.value.split(',').includes(feature),
    );
  }
  override on(event: string, listener: (...args: never[]) => void): this {
    this.recorder.record('app.on', event);
    return super.on(event, listener as (...args: unknown[]) => void);
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  /** Driver: Electron finished initialising ('ready', then whenReady() resolves). */
  becomeReady(): void {
    this.readyNow = true;
    this.emit('ready', new StandInEvent());
    this.resolveReady();
  }
  requestSingleInstanceLock(): boolean {
    this.recorder.record('app.requestSingleInstanceLock');
    return true;
  }
  setAppUserModelId(id: string): void {
    this.recorder.record('app.setAppUserModelId', id);
  }
  setPath(name: string, value: string): void {
    this.recorder.record('app.setPath', name, value);
  }
  getPath(name: string): string {
    return `/tmp/standin-${name}`;
  }
  /** app.getAppPath(): "The current application directory" (here out/, which npm start opens: its package.json names main/index.cjs). */
  getAppPath(): string {
    return join(process.cwd(), 'out');
  }
  /**
   * Login items are "macOS, Windows" only (electron.d.ts marks getLoginItemSettings/setLoginItemSettings
   * `@platform darwin,win32`): on Linux the call is accepted and does nothing, and the answer stays false.
   */
  getLoginItemSettings(): { openAtLogin: boolean } {
    return { ...this.loginItem };
  }
  setLoginItemSettings(settings: { openAtLogin?: boolean }): void {
    this.recorder.record('app.setLoginItemSettings', settings);
    if (this.desktop.platform === 'darwin' || this.desktop.platform === 'win32')
      this.loginItem = { openAtLogin: settings.openAtLogin === true };
  }
  /** app.disableHardwareAcceleration(): "This method can only be called before app is ready" (api/app). */
  disableHardwareAcceleration(): void {
    if (this.readyNow) throw new Error('app.disableHardwareAcceleration() can only be called before app is ready');
    this.recorder.record('app.disableHardwareAcceleration');
  }

  /**
   * app.quit(): "Try to close all windows. The before-quit event will be emitted first. If all windows are
   * successfully closed, the will-quit event will be emitted and by default the application will terminate."
   * Listeners may cancel with preventDefault() at before-quit, a window's close, or will-quit (api/app#appquit).
   */
  quit(): void {
    this.recorder.record('app.quit');
    if (this.exited !== undefined) return;
    const before = new StandInEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return this.recorder.record('app.quit cancelled at before-quit');
    this.quitting = true;
    for (const window of [...StandInBrowserWindow.all]) {
      if (!window.close()) {
        this.quitting = false;
        return this.recorder.record('app.quit cancelled by a window');
      }
    }
    const will = new StandInEvent();
    this.emit('will-quit', will);
    this.quitting = false;
    if (will.defaultPrevented) return this.recorder.record('app.quit cancelled at will-quit');
    this.emit('quit', new StandInEvent(), 0);
    this.exit(0);
  }
  /**
   * app.relaunch(options): "Relaunches the app when current instance exits ... When args is specified, the args will be
   * passed as the command line arguments instead"; "This method does not quit the app when executed" (api/app#apprelaunchoptions).
   */
  relaunch(options: { args?: string[]; execPath?: string } = {}): void {
    this.recorder.record('app.relaunch', options.args ?? []);
  }
  /** app.exit(code): "Exits immediately ... the before-quit and will-quit events will not be emitted." */
  exit(code = 0): void {
    if (this.exited !== undefined) return;
    this.exited = code;
    this.recorder.record('app.exited', code);
    this.onExit(code);
  }
  /** 'window-all-closed': without a listener the default is to quit; not emitted while quitting (api/app#event-window-all-closed). */
  lastWindowClosed(): void {
    if (this.quitting || StandInBrowserWindow.all.size > 0) return;
    if (this.listenerCount('window-all-closed') === 0) this.quit();
    else this.emit('window-all-closed');
  }
  /**
   * Driver: the system quits the app (restart, shut-down, log-out). powerMonitor emits 'shutdown' first on Linux and
   * macOS (api/power-monitor#event-shutdown-linux-macos), then the app quits. On macOS an app that cancels that quit in
   * 'before-quit' is taken as refusing to quit, and macOS stops the whole shut-down (electron/electron #230).
   */
  systemQuit(powerMonitor: EventEmitter): void {
    this.recorder.record('system: shut-down');
    if (this.desktop.platform === 'linux' || this.desktop.platform === 'darwin')
      powerMonitor.emit('shutdown', new StandInEvent());
    this.quit();
    // The system asked once; an app still running after that answer refused (macOS cancels the shut-down there).
    if (this.exited === undefined && this.desktop.platform === 'darwin')
      this.recorder.record('system: shut-down stopped, the app refused to quit');
  }
  /** Driver: the user launched the app again ('second-instance' in the first instance, api/app#event-second-instance). */
  launchAgain(argv: string[] = []): void {
    this.emit('second-instance', new StandInEvent(), argv, process.cwd(), {});
  }
  /** Driver: a click on the Dock icon (macOS 'activate', api/app#event-activate-macos). */
  activate(): void {
    this.emit(
      'activate',
      new StandInEvent(),
      [...StandInBrowserWindow.all].some((w) => w.visible),
    );
  }
}
