// Run as a child process: loads the built out/main/index.cjs with a recording stand-in for the `electron`
// module (Electron cannot run here), lets it start, then prints what it asked of Electron as one JSON line.
import Module from 'node:module';
import { join } from 'node:path';

type Call = { api: string; args: unknown[] };
const calls: Call[] = [];
const record = (api: string, ...args: unknown[]): void => {
  calls.push({ api, args: args.map((a) => (typeof a === 'function' ? '[function]' : a)) });
};
const events = (name: string) => ({
  on: (event: string, _listener: unknown) => record(`${name}.on`, event),
  once: (event: string, _listener: unknown) => record(`${name}.once`, event),
});

class BrowserWindow {
  webContents = {
    ...events('webContents'),
    setWindowOpenHandler: (_h: unknown) => record('webContents.setWindowOpenHandler'),
    send: (channel: string, ...args: unknown[]) => record('webContents.send', channel, ...args),
    isLoading: () => false,
  };
  constructor(options: unknown) {
    record('new BrowserWindow', options);
  }
  on(event: string): void { record('window.on', event); }
  once(event: string): void { record('window.once', event); }
  async loadFile(path: string): Promise<void> { record('window.loadFile', path); }
  isDestroyed(): boolean { return false; }
  show(): void { record('window.show'); }
  focus(): void {}
  hide(): void {}
}
class ClipboardItem {
  readonly types: string[];
  constructor(items: Record<string, unknown>) {
    this.types = Object.keys(items);
  }
}
class Tray {
  constructor(icon: string) { record('new Tray', icon); }
  setToolTip(text: string): void { record('tray.setToolTip', text); }
  setContextMenu(_menu: unknown): void { record('tray.setContextMenu'); }
  setImage(icon: string): void { record('tray.setImage', icon); }
  on(event: string): void { record('tray.on', event); }
}
const session = {
  defaultSession: {
    setPermissionRequestHandler: () => record('session.setPermissionRequestHandler'),
    setPermissionCheckHandler: () => record('session.setPermissionCheckHandler'),
  },
};
let ready: () => void = () => undefined;
const whenReady = new Promise<void>((resolve) => (ready = resolve));
const electron = {
  app: {
    ...events('app'),
    requestSingleInstanceLock: () => { record('app.requestSingleInstanceLock'); return true; },
    whenReady: () => whenReady,
    quit: () => record('app.quit'),
    getPath: (name: string) => join(process.env.HOME ?? '/tmp', name),
    setPath: (name: string, value: string) => record('app.setPath', name, value),
    setLoginItemSettings: (s: unknown) => record('app.setLoginItemSettings', s),
    getLoginItemSettings: () => ({ openAtLogin: false }),
  },
  BrowserWindow,
  Tray,
  Menu: { buildFromTemplate: (template: unknown[]) => { record('Menu.buildFromTemplate', template.length); return {}; } },
  ipcMain: { handle: (channel: string) => record('ipcMain.handle', channel) },
  clipboard: { writeText: async () => undefined, write: async () => undefined, readText: async () => '', clear: () => undefined },
  ClipboardItem,
  session,
  nativeTheme: { ...events('nativeTheme'), shouldUseDarkColors: false },
  powerMonitor: events('powerMonitor'),
  // net.fetch is the Fetch API through Chromium's network stack (Electron docs, "net.fetch"); here Node's fetch stands in.
  net: { isOnline: () => true, fetch: (url: string, init?: RequestInit) => fetch(url, init) },
  Notification: { isSupported: (): boolean => false },
  globalShortcut: { register: (accelerator: string) => { record('globalShortcut.register', accelerator); return true; }, unregisterAll: () => record('globalShortcut.unregisterAll') },
};

const originalLoad = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
(Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load = function (request: string, ...rest: unknown[]) {
  if (request === 'electron') return electron;
  return originalLoad.call(this, request, ...rest);
};

const main = Module.createRequire(import.meta.url)(join(process.cwd(), 'out/main/index.cjs')) as unknown;
void main;
ready();
// Print once start-up has built the window and the tray menu (the keychain read may take a moment), or after 8 s.
const started = Date.now();
const done = setInterval(() => {
  const seen = new Set(calls.map((c) => c.api));
  if (!(seen.has('new BrowserWindow') && seen.has('Menu.buildFromTemplate')) && Date.now() - started < 8000) return;
  clearInterval(done);
  setTimeout(() => {
    process.stdout.write(`${JSON.stringify(calls)}\n`);
    process.exit(0);
  }, 100);
}, 50);
