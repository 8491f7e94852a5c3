import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppWindow } from '../../../main/electron/app-window.ts';
import { mainWindowOptions } from '../../../main/electron/main-window.ts';
import { noticeTeller } from '../../../main/electron/notice-delivery.ts';
import { trayActionRunner } from '../../../main/electron/tray-actions.ts';
import type { TrayAction } from '../../../main/electron/tray-menu.ts';
import { TrayStatus } from '../../../main/electron/tray-status.ts';
import { SIGN_IN_REQUESTED_CHANNEL, type CopyFormat, type TokenKind } from '../../../main/ipc/contract.ts';
import { NOW, profileView, settled, standInWithTray } from '../../support/electron-standin/policy-kit.ts';

type Copy = (profileId: string, kind: TokenKind, format: CopyFormat) => Promise<void>;
const PROFILES = [profileView('dev', 'fresh', 30), profileView('old', 'needs-sign-in')];

/**
 * The tray's menu over the stand-in (Electron stood in), wired as index.ts wires it: the status, the window, what is
 * said, and fake Api functions for the copy and the refresh. `clickMenu` settles once the action has said its outcome.
 */
async function trayOn(
  api: { copyToken?: Copy; refreshNow?: (profileId: string) => Promise<unknown> },
  options: { notifications?: boolean; platform?: NodeJS.Platform } = {},
) {
  let pending: Promise<void> = Promise.resolve();
  const platform = options.platform ?? 'linux';
  const standIn = standInWithTray(
    { notifications: options.notifications, desktop: { platform, wayland: false, signedBundle: true } },
    (action: TrayAction) => void (pending = run(action)),
  );
  const status = new TrayStatus({
    listProfiles: async () => PROFILES,
    pageChanged: () => undefined,
    announce: () => undefined,
    now: () => NOW,
  });
  status.attach(standIn.controller);
  const window = new AppWindow({
    create: () => new standIn.electron.BrowserWindow(mainWindowOptions('preload.cjs')),
    page: fileURLToPath(import.meta.url),
    closeBehaviour: 'hide',
  });
  window.followQuit(standIn.app);
  const copies: string[] = [];
  const run = trayActionRunner({
    showWindow: () => void window.show(),
    openSignIn: (profileId) => window.ask(SIGN_IN_REQUESTED_CHANNEL, profileId),
    quit: () => standIn.app.quit(),
    copyToken: api.copyToken ?? (async (id, kind, format) => void copies.push(`${id} ${kind} ${format}`)),
    refreshNow: async (profileId) => api.refreshNow?.(profileId),
    nameOf: (profileId) => status.nameOf(profileId),
    clearSeconds: () => 45,
    tell: noticeTeller(standIn.electron.Notification, platform, () => status),
  });
  await status.changed();
  const clickMenu = async (label: string): Promise<void> => {
    standIn.trayIcon.clickMenu(label);
    await pending;
    await settled();
  };
  const said = () => standIn.recorder.find('notification.show').map((c) => c.args);
  return { ...standIn, clickMenu, said, copies };
}

describe('what the tray menu does, with Electron as the stand-in and fake Api functions', () => {
  it('a copy says what was copied and when the clipboard clears, never the token', async () => {
    const tray = await trayOn({});
    await tray.clickMenu('dev \u2014 30 min');
    await tray.clickMenu('  Authorization header');
    expect(tray.copies).toEqual(['id-dev access raw', 'id-dev access header']);
    expect(tray.said()).toEqual([
      ['Access token of dev copied', 'The clipboard clears in 45 s.'],
      ['Access token of dev copied as an Authorization header', 'The clipboard clears in 45 s.'],
    ]);
  });

  it('a failed copy says it failed and why (the error\u2019s own message), instead of "copied"', async () => {
    const tray = await trayOn({
      copyToken: () => Promise.reject(new Error('Wayland drops this copy: install wl-clipboard.')),
    });
    await tray.clickMenu('dev \u2014 30 min');
    expect(tray.said()).toEqual([['Copying the token failed', 'Wayland drops this copy: install wl-clipboard.']]);
  });

  it('a failed copy with no message of its own points to the window; where notifications are off the tooltip says it', async () => {
    const tray = await trayOn({ copyToken: () => Promise.reject(new Error('')) }, { notifications: false });
    await tray.clickMenu('dev \u2014 30 min');
    expect(tray.said()).toEqual([]);
    expect(tray.trayIcon.tooltip).toBe('Copying the token failed\nOpen Cognito Token Manager to see why.');
  });

  it('a failed refresh says so; a refresh that works says nothing (the tray shows it)', async () => {
    let fail = true;
    const tray = await trayOn({
      refreshNow: async () => {
        if (fail) throw new Error('The network is down.');
      },
    });
    await tray.clickMenu('Refresh now');
    fail = false;
    await tray.clickMenu('Refresh now');
    expect(tray.said()).toEqual([['Refreshing failed', 'The network is down.']]);
  });

  it("'Sign in…' opens the window with that profile's sign-in once its page loaded; Open shows it; Quit quits", async () => {
    const tray = await trayOn({});
    await tray.clickMenu('old \u2014 Sign in');
    expect(tray.recorder.find('webContents.send').map((c) => c.args)).toEqual([[SIGN_IN_REQUESTED_CHANNEL, 'id-old']]);
    await tray.clickMenu('Open');
    expect(tray.windows()).toHaveLength(1);
    expect(tray.recorder.calls.slice(-2).map((c) => c.api)).toEqual(['window.show', 'window.focus']);
    await tray.clickMenu('Quit');
    expect(tray.app.exited).toBe(0);
  });
});
