// Run as a child process: loads the built out/main/index.cjs with the stand-in `electron` module (Electron cannot
// run here), makes the app ready, then plays the steps of CTM_STANDIN_STEPS (comma-separated) as a user would,
// and prints every call and event, in order, as one JSON line (also when the app exits during a step).
// 'tray-menu=<label>' clicks the tray item whose label starts with <label>; 'tray-items' records the tray's top items.
// The step 'hold' lets a test act from outside while the app is up (run ctm against it): it prints HOLDING_LINE and
// waits for a line on stdin (or its end) before the next step.
// Arguments after the script reach the app as its own command line (`--ctm-cli -- <args>`: the ctm launchers').
import Module from 'node:module';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { desktopFromEnv, electronInitEnvironment } from './standin-desktop.ts';
import { standInElectron } from './standin-electron.ts';

// Another platform's code paths (the menu on macOS, the taskbar theme on Windows) with CTM_STANDIN_PLATFORM; a Wayland
// session with WAYLAND_DISPLAY; combinations other apps own with CTM_STANDIN_TAKEN_SHORTCUTS (comma-separated).
if (process.env.CTM_STANDIN_PLATFORM)
  Object.defineProperty(process, 'platform', { value: process.env.CTM_STANDIN_PLATFORM });
const desktop = desktopFromEnv(process.env);
// Windows: the app is a GUI-subsystem executable, which has no console stdin: process.stdin ends at once
// (electron/electron #21705, #4218). Input piped by the caller (CTM_STANDIN_PIPED_STDIN=1) does arrive.
if (desktop.platform === 'win32' && process.argv.includes('--ctm-cli') && process.env.CTM_STANDIN_PIPED_STDIN !== '1') {
  Object.defineProperty(process, 'stdin', { value: Readable.from([]), configurable: true });
}
electronInitEnvironment(process.env, desktop.platform);
const standIn = standInElectron({
  notifications: process.env.CTM_STANDIN_NOTIFICATIONS !== '0',
  packaged: process.env.CTM_STANDIN_PACKAGED === '1',
  desktop,
  takenShortcuts: (process.env.CTM_STANDIN_TAKEN_SHORTCUTS ?? '').split(',').filter(Boolean),
});
const { app, recorder } = standIn;
const print = (): never => {
  process.stdout.write(`\n${JSON.stringify(recorder.calls)}\n`);
  process.exit(0);
};
app.onExit = () => setTimeout(print, 50);

const load = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = load._load;
load._load = function (request: string, ...rest: unknown[]) {
  if (request === 'electron') return standIn.electron;
  if (request === 'keytar') {
    recorder.record('require', 'keytar');
    // A host without libsecret (an AppImage on a minimal system): loading keytar's native module fails as dlopen does.
    if (process.env.CTM_STANDIN_NO_LIBSECRET === '1')
      throw new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory');
  }
  return originalLoad.call(this, request, ...rest);
};

// What the 'hold' step prints when it starts waiting (tests wait for this line).
const HOLDING_LINE = 'ctm-standin: holding';
const hold = (): Promise<void> =>
  new Promise((resolve) => {
    const go = (): void => {
      process.stdin.pause();
      resolve();
    };
    process.stdin.once('data', go).once('end', go);
    process.stdout.write(`${HOLDING_LINE}\n`);
  });

const settle = (ms = 150): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const until = async (seen: () => boolean, ms: number): Promise<void> => {
  for (const end = Date.now() + ms; !seen() && Date.now() < end;) await settle(50);
};
const window = () => standIn.windows()[0];
const steps: Record<string, (arg: string) => Promise<void> | void> = {
  'wait-window': () => until(() => window()?.visible === true, 5_000),
  'wait-tray': () => until(() => recorder.find('tray.setContextMenu').length > 0, 8_000),
  // The settings applied a second time (a change after the start: the shortcuts are registered afresh).
  'wait-reapplied': () => until(() => recorder.find('globalShortcut.unregisterAll').length >= 2, 8_000),
  'close-window': () => void window()?.close(),
  minimize: () => window()?.minimize(),
  activate: () => app.activate(),
  'second-instance': () => app.launchAgain(['cognito-token-manager']),
  'dark-system': () => standIn.nativeTheme.change({ system: true }),
  'dark-app': () => standIn.nativeTheme.change({ app: true }),
  'tray-open': () => standIn.tray()?.clickMenu('Open'),
  'tray-quit': () => standIn.tray()?.clickMenu('Quit'),
  'tray-menu': (label) => standIn.tray()?.clickMenu(label),
  'tray-items': () =>
    void recorder.record(
      'tray.items',
      (standIn.tray()?.menu?.items ?? []).map((i) => i.label ?? i.type),
    ),
  'press-shortcut': () => standIn.globalShortcut.pressAll(),
  // The user clicks into another application: no window of ours has focus any more.
  blur: () => window()?.loseFocus(),
  'tray-click': () => standIn.tray()?.clickIcon(),
  'system-quit': () => app.systemQuit(standIn.powerMonitor),
  // Lets asynchronous work a step started (a copy, a notice) finish before the next step.
  settle: () => settle(1_000),
  quit: () => app.quit(),
  hold,
};

Module.createRequire(import.meta.url)(join(process.cwd(), 'out/main/index.cjs'));
recorder.record('step', 'loaded');
app.becomeReady();
for (const name of (process.env.CTM_STANDIN_STEPS ?? 'wait-window,wait-tray').split(',').filter(Boolean)) {
  const [kind = '', arg = ''] = name.split('=');
  const step = steps[kind];
  if (!step) throw new Error(`unknown step ${name}`);
  await settle();
  recorder.record('step', name);
  await step(arg);
}
await settle();
print();
