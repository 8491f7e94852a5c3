import { describe, expect, it } from 'vitest';
import { noticeTeller, stateAnnouncer } from '../../../main/electron/notice-delivery.ts';
import { profileView, standInWithTray } from '../../support/electron-standin/policy-kit.ts';

const NOTICE = { title: 'Copying the token failed', body: 'dev needs a sign-in.' };

describe('what is said outside the window (noticeTeller), with Electron as the stand-in', () => {
  it('Linux with notifications: one notification, the tray tooltip left as it is', () => {
    const standIn = standInWithTray({ desktop: { platform: 'linux', wayland: false, signedBundle: true } });
    noticeTeller(standIn.electron.Notification, 'linux', () => standIn.controller)(NOTICE);
    expect(standIn.recorder.find('notification.show').map((c) => c.args)).toEqual([[NOTICE.title, NOTICE.body]]);
    expect(standIn.recorder.find('tray.setToolTip')).toEqual([]);
  });

  it('where notifications are off (Notification.isSupported() false): the tray tooltip says title and body', () => {
    const standIn = standInWithTray({ notifications: false });
    noticeTeller(standIn.electron.Notification, 'win32', () => standIn.controller)(NOTICE);
    expect(standIn.recorder.find('notification.show')).toEqual([]);
    expect(standIn.trayIcon.tooltip).toBe(`${NOTICE.title}\n${NOTICE.body}`);
  });

  it('an unsigned macOS bundle: the stand-in drops the notification (electron #47817), the menu-bar title still says it', () => {
    const standIn = standInWithTray({ desktop: { platform: 'darwin', wayland: false, signedBundle: false } });
    noticeTeller(standIn.electron.Notification, 'darwin', () => standIn.controller)(NOTICE);
    expect(standIn.recorder.find('notification dropped (unsigned macOS bundle)')).toHaveLength(1);
    expect(standIn.recorder.find('tray.setTitle').map((c) => c.args[0])).toEqual([NOTICE.title]);
  });

  it('before the tray exists, a notification still shows and nothing throws', () => {
    const standIn = standInWithTray();
    expect(() => noticeTeller(standIn.electron.Notification, 'darwin', () => undefined)(NOTICE)).not.toThrow();
    expect(standIn.recorder.find('notification.show')).toHaveLength(1);
  });
});

describe('state changes announced (stateAnnouncer), with Electron as the stand-in', () => {
  it('one notification per change of state: none at start, one when a sign-in is needed, none while it stays so', () => {
    const standIn = standInWithTray();
    const announce = stateAnnouncer(standIn.electron.Notification);
    const fresh = [profileView('dev', 'fresh', 30)];
    const ended = [profileView('dev', 'needs-sign-in', undefined, { problem: 'Refresh token revoked' })];
    announce(undefined, fresh);
    announce(fresh, ended);
    announce(ended, ended);
    expect(standIn.recorder.find('notification.show').map((c) => c.args)).toEqual([
      ['dev needs a sign-in', 'Refresh token revoked'],
    ]);
  });

  it('where notifications are off, says nothing (the tray already shows the state)', () => {
    const standIn = standInWithTray({ notifications: false });
    stateAnnouncer(standIn.electron.Notification)(
      [profileView('dev', 'fresh', 30)],
      [profileView('dev', 'retrying', -1)],
    );
    expect(standIn.recorder.calls.filter((c) => c.api.startsWith('notification'))).toEqual([]);
    expect(standIn.recorder.find('tray.setToolTip')).toEqual([]);
  });
});
