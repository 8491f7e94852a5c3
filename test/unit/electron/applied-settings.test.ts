import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppliedSettings } from '../../../main/electron/applied-settings.ts';
import { enableShortcutPortal } from '../../../main/electron/global-shortcut.ts';
import { AUTOSTART_FILE } from '../../../main/electron/login-item.ts';
import { noticeTeller } from '../../../main/electron/notice-delivery.ts';
import { DEFAULT_SETTINGS, type AppSettings } from '../../../main/core/settings/app-settings.ts';
import { SettingsStore } from '../../../main/core/settings/settings-store.ts';
import { standInWithTray } from '../../support/electron-standin/policy-kit.ts';
import type { StandInDesktop } from '../../support/electron-standin/standin-desktop.ts';

const SHORTCUT = 'CommandOrControl+Shift+T';
const PALETTE = 'CommandOrControl+Shift+Space';
const DEV = '4a1c2f0e-8d3b-4c5a-9e6f-0b1c2d3e4f50';

interface Setup {
  desktop?: Partial<StandInDesktop>;
  env?: NodeJS.ProcessEnv;
  takenShortcuts?: string[];
  copy?: (profileId: string) => Promise<void>;
  /** Whether the app is ready when the settings are applied (index.ts applies them once it is). */
  ready?: boolean;
  /** Appends the Wayland shortcut portal switch before ready, as index.ts does. */
  portal?: boolean;
}

/** AppliedSettings over the stand-in's app, globalShortcut, tray and notifications; a fake copy and clipboard. */
function settingsOn(setup: Setup = {}) {
  const desktop: StandInDesktop = { platform: 'linux', wayland: false, signedBundle: true, ...setup.desktop };
  const standIn = standInWithTray({ desktop, takenShortcuts: setup.takenShortcuts });
  const configHome = mkdtempSync(join(tmpdir(), 'ctm-applied-settings-'));
  const env = { HOME: configHome, XDG_CONFIG_HOME: configHome, ...setup.env };
  if (setup.portal) enableShortcutPortal(standIn.app.commandLine, desktop.platform, env);
  if (setup.ready !== false) standIn.app.becomeReady();
  const copied: string[] = [];
  const clearAfter: number[] = [];
  const defaults: string[] = [];
  let palettes = 0;
  const applied = new AppliedSettings({
    clipboard: { setClearAfter: (ms) => void clearAfter.push(ms) },
    tray: { setDefault: (id, shortcut) => void defaults.push(`${id} ${shortcut}`) },
    loginItems: { platform: desktop.platform, app: standIn.app, env, execPath: '/opt/Cognito Token Manager/ctm-app' },
    globalShortcut: standIn.globalShortcut,
    copyDefault: setup.copy ?? (async (profileId) => void copied.push(profileId)),
    openQuickCopy: () => void (palettes += 1),
    tell: noticeTeller(standIn.electron.Notification, desktop.platform, () => standIn.controller),
  });
  const apply = (settings: Partial<AppSettings>): Promise<void> => applied.apply({ ...DEFAULT_SETTINGS, ...settings });
  const said = () => standIn.recorder.find('notification.show').map((c) => c.args);
  return { ...standIn, applied, apply, said, copied, clearAfter, defaults, palettes: () => palettes, configHome };
}

describe('settings applied on the desktop, with Electron as the stand-in', () => {
  it('the clipboard clear time and the tray\u2019s default profile follow every change', async () => {
    const run = settingsOn();
    expect(run.applied.current).toEqual(DEFAULT_SETTINGS);
    await run.apply({ clipboardClearSeconds: 30, defaultProfileId: DEV, globalShortcut: SHORTCUT });
    await run.apply({ clipboardClearSeconds: 90 });
    expect(run.clearAfter).toEqual([30_000, 90_000]);
    expect(run.defaults).toEqual([`${DEV} ${SHORTCUT}`, ' ']);
    expect(run.applied.current.clipboardClearSeconds).toBe(90);
  });

  it('Linux has no login items (setLoginItemSettings does nothing there): an XDG autostart entry is written, then removed', async () => {
    const run = settingsOn();
    const entry = join(run.configHome, 'autostart', AUTOSTART_FILE);
    await run.apply({ startAtLogin: true });
    // A development build (not packaged) is started with its folder (the stand-in's app.getAppPath(), a plain path).
    const exec = readFileSync(entry, 'utf8')
      .split('\n')
      .find((line) => line.startsWith('Exec='));
    expect(exec).toBe(`Exec="/opt/Cognito Token Manager/ctm-app" ${run.app.getAppPath()}`);
    expect(run.recorder.find('app.setLoginItemSettings')).toEqual([]);
    await run.apply({ startAtLogin: false });
    expect(existsSync(entry)).toBe(false);
    expect(run.said()).toEqual([]);
  });

  it('an AppImage starts itself at login (APPIMAGE), not its mount point; a packaged app needs no folder argument', async () => {
    const run = settingsOn({ env: { APPIMAGE: '/home/me/Apps/ctm.AppImage' } });
    run.app.isPackaged = true;
    await run.apply({ startAtLogin: true });
    expect(readFileSync(join(run.configHome, 'autostart', AUTOSTART_FILE), 'utf8')).toMatch(
      /^Exec=\/home\/me\/Apps\/ctm\.AppImage$/m,
    );
  });

  it.each(['darwin', 'win32'] as const)(
    '%s: the stand-in app\u2019s login items, set only when they differ; no autostart file',
    async (platform) => {
      const run = settingsOn({ desktop: { platform } });
      await run.apply({ startAtLogin: true });
      await run.apply({ startAtLogin: true });
      expect(run.app.getLoginItemSettings().openAtLogin).toBe(true);
      await run.apply({ startAtLogin: false });
      expect(run.recorder.find('app.setLoginItemSettings').map((c) => c.args[0])).toEqual([
        { openAtLogin: true },
        { openAtLogin: false },
      ]);
      expect(readdirSync(run.configHome)).toEqual([]);
    },
  );

  it('start at login that cannot be written is said, and the rest of the settings still apply', async () => {
    const run = settingsOn({ env: { APPIMAGE: '/home/me/Apps/ctm\nrm -rf ~' } });
    await run.apply({ startAtLogin: true, globalShortcut: SHORTCUT, defaultProfileId: DEV });
    expect(run.said()).toEqual([['Start at login failed', expect.stringMatching(/line break/)]]);
    expect(readdirSync(run.configHome)).toEqual([]);
    run.globalShortcut.pressAll();
    expect(run.copied).toEqual([DEV]);
  });
});

describe('settings followed from the store, with Electron as the stand-in', () => {
  it('applies what is stored at start, then every change made through the store (the window, ctm settings)', async () => {
    const run = settingsOn();
    const store = new SettingsStore(run.configHome);
    await store.update({ globalShortcut: SHORTCUT, defaultProfileId: DEV });
    (await run.applied.follow(store)).close();
    expect(run.applied.current.globalShortcut).toBe(SHORTCUT);
    await store.update({ globalShortcut: 'Alt+F9', clipboardClearSeconds: 20 });
    expect(run.recorder.find('globalShortcut.register').map((c) => c.args[0])).toEqual([SHORTCUT, 'Alt+F9']);
    expect(run.clearAfter).toEqual([60_000, 20_000]);
  });

  it('a hand edit with a mistake while the app runs changes nothing and says why to the caller (the app logs it)', async () => {
    const run = settingsOn();
    const store = new SettingsStore(run.configHome);
    const ignored: string[] = [];
    const watching = await run.applied.follow(store, (why) => void ignored.push(why));
    try {
      writeFileSync(store.path, '{ "version": 1, "settings": { "globalShortcut": "Alt+F9", } }');
      await expect.poll(() => ignored).toEqual([expect.stringMatching(/settings\.json/)]);
      expect(run.applied.current).toEqual(DEFAULT_SETTINGS);
      expect(run.recorder.find('globalShortcut.register')).toEqual([]);
    } finally {
      watching.close();
    }
  });

  it('`ctm settings` in another process while the app runs is applied too, once; the app\u2019s own change is not applied twice', async () => {
    const run = settingsOn();
    const store = new SettingsStore(run.configHome);
    const watching = await run.applied.follow(store);
    try {
      await store.update({ globalShortcut: SHORTCUT });
      await new SettingsStore(run.configHome).update({ quickCopyShortcut: PALETTE });
      await expect.poll(() => run.applied.current.quickCopyShortcut).toBe(PALETTE);
      run.globalShortcut.pressAll();
      expect(run.palettes()).toBe(1);
      expect(run.recorder.find('globalShortcut.unregisterAll')).toHaveLength(3);
    } finally {
      watching.close();
    }
  });
});

describe('the global shortcuts applied, with Electron as the stand-in', () => {
  it('the shortcut copies the default profile\u2019s token; the palette shortcut opens quick copy beside it', async () => {
    const run = settingsOn();
    await run.apply({ globalShortcut: SHORTCUT, defaultProfileId: DEV, quickCopyShortcut: PALETTE });
    run.globalShortcut.pressAll();
    expect(run.copied).toEqual([DEV]);
    expect(run.palettes()).toBe(1);
    expect(run.recorder.find('globalShortcut.register').map((c) => c.args[0])).toEqual([SHORTCUT, PALETTE]);
  });

  it('a new setting replaces the old shortcut; without a default profile a press copies nothing', async () => {
    const run = settingsOn();
    await run.apply({ globalShortcut: SHORTCUT, defaultProfileId: DEV });
    await run.apply({ globalShortcut: 'Alt+F9', defaultProfileId: '' });
    run.globalShortcut.pressAll();
    expect(run.copied).toEqual([]);
    expect(run.recorder.calls.filter((c) => c.api.startsWith('globalShortcut')).map((c) => c.api)).toEqual([
      'globalShortcut.unregisterAll',
      'globalShortcut.register',
      'globalShortcut.unregisterAll',
      'globalShortcut.register',
    ]);
  });

  it('a copy by shortcut that fails is said (there is no window to show it)', async () => {
    const run = settingsOn({ copy: () => Promise.reject(new Error('dev needs a sign-in.')) });
    await run.apply({ globalShortcut: SHORTCUT, defaultProfileId: DEV });
    run.globalShortcut.pressAll();
    await new Promise((resolve) => setImmediate(resolve));
    expect(run.said()).toEqual([['Copying the token failed', 'dev needs a sign-in.']]);
  });

  it('a combination another app owns is said once, not on every later settings change; a newly refused one is said', async () => {
    const run = settingsOn({ takenShortcuts: [SHORTCUT, PALETTE] });
    await run.apply({ globalShortcut: SHORTCUT });
    await run.apply({ globalShortcut: SHORTCUT, clipboardClearSeconds: 30 });
    await run.apply({ globalShortcut: SHORTCUT, quickCopyShortcut: PALETTE });
    expect(run.said().map(([title]) => title)).toEqual([
      `The shortcut ${SHORTCUT} is not active`,
      `The shortcut ${PALETTE} is not active`,
    ]);
  });

  it('once freed and taken again, a refused combination is said again', async () => {
    const run = settingsOn({ takenShortcuts: [SHORTCUT] });
    await run.apply({ globalShortcut: SHORTCUT });
    await run.apply({ globalShortcut: '' });
    await run.apply({ globalShortcut: SHORTCUT });
    expect(run.said()).toHaveLength(2);
  });

  it('applied before ready (globalShortcut cannot be used then), the shortcut is said to be inactive, not lost silently', async () => {
    const run = settingsOn({ ready: false });
    await run.apply({ globalShortcut: SHORTCUT });
    expect(run.said().map(([title]) => title)).toEqual([`The shortcut ${SHORTCUT} is not active`]);
  });

  it('Wayland: with the portal switch appended before ready the press copies; without it register() answers true and binds nothing', async () => {
    const wayland = { platform: 'linux', wayland: true } as const;
    const env = { WAYLAND_DISPLAY: 'wayland-0' };
    const withPortal = settingsOn({ desktop: wayland, env, portal: true });
    await withPortal.apply({ globalShortcut: SHORTCUT, defaultProfileId: DEV });
    withPortal.globalShortcut.pressAll();
    expect(withPortal.copied).toEqual([DEV]);

    const without = settingsOn({ desktop: wayland, env });
    await without.apply({ globalShortcut: SHORTCUT, defaultProfileId: DEV });
    without.globalShortcut.pressAll();
    expect(without.copied).toEqual([]);
    expect(without.recorder.find('globalShortcut: not bound (Wayland without the portal)')).toHaveLength(1);
  });
});
