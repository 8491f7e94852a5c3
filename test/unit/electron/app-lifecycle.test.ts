import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { clearBeforeQuit, showOnReturn } from '../../../main/electron/app-lifecycle.ts';
import { ElectronTokenClipboard, type ClipboardPort } from '../../../main/electron/token-clipboard.ts';
import { Recorder, StandInApp } from '../../support/electron-standin/standin-app.ts';
import { StandInClipboard, StandInClipboardItem } from '../../support/electron-standin/standin-clipboard.ts';

const exited = (app: StandInApp): Promise<void> => new Promise((resolve) => (app.onExit = () => resolve()));

describe('clearBeforeQuit on the stand-in app, which runs before-quit -> will-quit -> exit as Electron does (Electron stood in)', () => {
  it('Quit leaves no token on the clipboard: the app exits only after the clear', async () => {
    const app = new StandInApp(new Recorder());
    const clipboard = new StandInClipboard();
    const tokens = new ElectronTokenClipboard(
      clipboard as unknown as ClipboardPort,
      (items) => new StandInClipboardItem(items) as unknown as Electron.ClipboardItem,
    );
    let clipboardAtExit: string | undefined;
    app.on('will-quit', () => (clipboardAtExit = clipboard.text));
    clearBeforeQuit(app as unknown as Electron.App, () => tokens.clearIfOurs());
    await tokens.copySecret('eyJ.secret.token');
    const done = exited(app);
    app.quit();
    await done;
    expect(clipboardAtExit).toBe('');
    expect(clipboard.clears).toBe(1);
  });

  it("leaves another app's later copy alone, and still quits", async () => {
    const app = new StandInApp(new Recorder());
    const clipboard = new StandInClipboard();
    const tokens = new ElectronTokenClipboard(
      clipboard as unknown as ClipboardPort,
      (items) => new StandInClipboardItem(items) as unknown as Electron.ClipboardItem,
    );
    clearBeforeQuit(app as unknown as Electron.App, () => tokens.clearIfOurs());
    await tokens.copySecret('eyJ.secret.token');
    clipboard.copyFromAnotherApp('notes');
    const done = exited(app);
    app.quit();
    await done;
    expect(clipboard.text).toBe('notes');
  });

  it('quits anyway when the clear never settles (after the limit), and a second Quit meanwhile does not start another clear', async () => {
    const app = new StandInApp(new Recorder());
    let clears = 0;
    clearBeforeQuit(app as unknown as Electron.App, () => ((clears += 1), new Promise<void>(() => undefined)), 20);
    const done = exited(app);
    app.quit();
    app.quit();
    await done;
    expect(clears).toBe(1);
    expect(app.exited).toBe(0);
  });
});

describe('clearBeforeQuit when the system quits the app (restart, shut-down, log-out; Electron stood in)', () => {
  it('macOS: does not cancel before-quit once powerMonitor said shutdown, so the shut-down goes on; the clear is still started', async () => {
    const recorder = new Recorder();
    const app = new StandInApp(recorder, { platform: 'darwin', wayland: false, signedBundle: true });
    const powerMonitor = new EventEmitter();
    let clears = 0;
    clearBeforeQuit(app as unknown as Electron.App, async () => void (clears += 1), 2_000, powerMonitor);
    app.systemQuit(powerMonitor);
    expect(recorder.find('system: shut-down stopped, the app refused to quit')).toEqual([]);
    expect(app.exited).toBe(0);
    expect(clears).toBe(1);
  });

  it('the stand-in plays the fault: an app that cancels before-quit stops the macOS shut-down', () => {
    const recorder = new Recorder();
    const app = new StandInApp(recorder, { platform: 'darwin', wayland: false, signedBundle: true });
    clearBeforeQuit(app as unknown as Electron.App, () => new Promise<void>(() => undefined), 2_000);
    app.systemQuit(new EventEmitter());
    expect(recorder.find('system: shut-down stopped, the app refused to quit')).toHaveLength(1);
  });
});

describe('showOnReturn on the stand-in app (Electron stood in)', () => {
  it('shows the window on a second launch and on activate', () => {
    const app = new StandInApp(new Recorder());
    const shown: string[] = [];
    showOnReturn(app as unknown as Electron.App, () => shown.push('show'));
    app.launchAgain(['ctm']);
    app.activate();
    expect(shown).toEqual(['show', 'show']);
  });
});
