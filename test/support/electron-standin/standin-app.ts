// A stand-in for Electron's app and BrowserWindow (Electron cannot run here) that runs the lifecycle our code
// depends on, as Electron's docs describe it; each behaviour cites its page.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';

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
  destroyed = false;
  readonly webContents: EventEmitter & { send(channel: string, ...args: unknown[]): void; setWindowOpenHandler(h: unknown): void; isLoading(): boolean };

  constructor(options: { show?: boolean } = {}) {
    super();
    const app = StandInBrowserWindow.app;
    app.recorder.record('new BrowserWindow', options);
    // "show boolean (optional) - Whether window should be shown when created. Default is true." (api/structures/base-window-options)
    this.visible = options.show !== false;
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
  isDestroyed(): boolean { return this.destroyed; }
  isVisible(): boolean { return this.visible; }
  isMinimized(): boolean { return this.minimized; }
  /** win.show(): shows (does not restore a minimised window: that is win.restore()). */
  show(): void { this.record('window.show'); this.visible = true; this.emit('show'); }
  hide(): void { this.record('window.hide'); this.visible = false; this.emit('hide'); }
  focus(): void { this.record('window.focus'); }
  minimize(): void { this.record('window.minimize'); this.minimized = true; this.emit('minimize'); }
  restore(): void { this.record('window.restore'); this.minimized = false; this.visible = true; this.emit('restore'); }
  /** win.close(): "Try to close the window. This has the same effect as a user manually clicking the close button." 'close' can cancel it. */
  close(): boolean {
    const event = new StandInEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroyed = true;
    this.visible = false;
    StandInBrowserWindow.all.delete(this);
    this.record('window.closed');
    this.emit('closed');
    StandInBrowserWindow.app.lastWindowClosed();
    return true;
  }
  private record(api: string): void { StandInBrowserWindow.app.recorder.record(api); }
}

/** Electron's app: ready, quit (before-quit -> close windows -> will-quit -> quit), exit, second-instance, activate. */
export class StandInApp extends EventEmitter {
  readonly recorder: Recorder;
  isPackaged = false;
  exited: number | undefined;
  private quitting = false;
  private resolveReady: () => void = () => undefined;
  private readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
  /** What the stand-in process does on exit (the runner prints its log). */
  onExit: (code: number) => void = () => undefined;
  readonly dock = { hide: (): void => this.recorder.record('app.dock.hide') };

  constructor(recorder: Recorder) {
    super();
    this.recorder = recorder;
    StandInBrowserWindow.app = this;
    StandInBrowserWindow.all.clear();
  }
  override on(event: string, listener: (...args: never[]) => void): this {
    this.recorder.record('app.on', event);
    return super.on(event, listener as (...args: unknown[]) => void);
  }
  whenReady(): Promise<void> { return this.ready; }
  /** Driver: Electron finished initialising ('ready', then whenReady() resolves). */
  becomeReady(): void { this.emit('ready', new StandInEvent()); this.resolveReady(); }
  requestSingleInstanceLock(): boolean { this.recorder.record('app.requestSingleInstanceLock'); return true; }
  setAppUserModelId(id: string): void { this.recorder.record('app.setAppUserModelId', id); }
  setPath(name: string, value: string): void { this.recorder.record('app.setPath', name, value); }
  getPath(name: string): string { return `/tmp/standin-${name}`; }
  getLoginItemSettings(): { openAtLogin: boolean } { return { openAtLogin: false }; }
  setLoginItemSettings(settings: unknown): void { this.recorder.record('app.setLoginItemSettings', settings); }

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
  /** Driver: the user launched the app again ('second-instance' in the first instance, api/app#event-second-instance). */
  launchAgain(argv: string[] = []): void { this.emit('second-instance', new StandInEvent(), argv, process.cwd(), {}); }
  /** Driver: a click on the Dock icon (macOS 'activate', api/app#event-activate-macos). */
  activate(): void { this.emit('activate', new StandInEvent(), [...StandInBrowserWindow.all].some((w) => w.visible)); }
}
