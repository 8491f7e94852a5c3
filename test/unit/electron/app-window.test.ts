import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppWindow } from '../../../main/electron/app-window.ts';
import { mainWindowOptions } from '../../../main/electron/main-window.ts';
import { settled } from '../../support/electron-standin/policy-kit.ts';
import { standInElectron } from '../../support/electron-standin/standin-electron.ts';

/** A page file that exists (the stand-in's loadFile fails for one that does not, as Electron's does). */
const PAGE = fileURLToPath(import.meta.url);

function windowOn(closeBehaviour: 'hide' | 'minimize' = 'hide') {
  const standIn = standInElectron();
  const window = new AppWindow({
    create: () => new standIn.electron.BrowserWindow(mainWindowOptions('preload.cjs')),
    page: PAGE,
    closeBehaviour,
  });
  window.followQuit(standIn.app);
  const apis = () => standIn.recorder.calls.map((c) => c.api).filter((api) => api !== 'app.on');
  return { ...standIn, window, apis };
}

describe('the app window, with Electron as the stand-in', () => {
  it('is created hidden on first use, shown once its page is rendered, and brought back (not created again) later', async () => {
    const run = windowOn();
    run.window.show();
    expect(run.windows()[0]?.visible).toBe(false);
    await settled();
    expect(run.windows()[0]?.visible).toBe(true);
    run.windows()[0]?.close();
    run.window.show();
    expect(run.windows()).toHaveLength(1);
    expect(run.apis()).toEqual([
      'new BrowserWindow',
      'window.loadFile',
      'window.show',
      'window.hide',
      'window.show',
      'window.focus',
    ]);
  });

  it("a request to a page still loading waits for 'did-finish-load'; an open page hears it at once", async () => {
    const run = windowOn();
    run.window.ask('ctm:event:sign-in', 'id-dev');
    expect(run.recorder.find('webContents.send')).toEqual([]);
    await settled();
    run.window.ask('ctm:event:quick-copy');
    expect(run.recorder.find('webContents.send').map((c) => c.args)).toEqual([
      ['ctm:event:sign-in', 'id-dev'],
      ['ctm:event:quick-copy'],
    ]);
  });

  it('send() with no window yet, or a destroyed one, sends nothing (a page created later asks for itself)', async () => {
    const run = windowOn();
    run.window.send('ctm:event:changed');
    run.window.show();
    await settled();
    run.app.quit();
    run.window.send('ctm:event:changed');
    expect(run.recorder.find('webContents.send')).toEqual([]);
  });

  it('closing hides it to the tray until the app quits; once quitting, the window closes and the app exits', async () => {
    const run = windowOn();
    run.window.show();
    await settled();
    expect(run.windows()[0]?.close()).toBe(false);
    run.app.quit();
    expect(run.windows()).toEqual([]);
    expect(run.app.exited).toBe(0);
  });

  it('where no tray can be seen (upstream GNOME), closing minimises instead, and show() restores it', async () => {
    const run = windowOn('minimize');
    run.window.show();
    await settled();
    run.windows()[0]?.close();
    expect(run.windows()[0]?.minimized).toBe(true);
    run.window.show();
    expect(run.windows()[0]?.minimized).toBe(false);
  });

  it('a window destroyed by the quit is created again on the next show', async () => {
    const run = windowOn();
    run.window.show();
    await settled();
    run.app.quit();
    run.window.show();
    expect(run.recorder.find('new BrowserWindow')).toHaveLength(2);
  });
});
