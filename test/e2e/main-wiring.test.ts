import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, CHANNEL_PREFIX } from '../../main/ipc/contract.ts';

type Call = { api: string; args: unknown[] };

describe('main/index.ts wiring, with a recorded stand-in for the electron module (Electron cannot run here)', () => {
  let calls: Call[];
  beforeAll(() => {
    const home = mkdtempSync(join(tmpdir(), 'ctm-main-'));
    const run = spawnSync(process.execPath, ['--no-warnings', 'test/support/electron-standin/recording-electron.ts'], {
      env: { PATH: process.env.PATH ?? '', HOME: home, CTM_CONFIG_DIR: join(home, 'config'), CTM_KEYCHAIN_TIMEOUT_MS: '200' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.stderr).toBe('');
    calls = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '[]') as Call[];
  });
  const find = (api: string) => calls.filter((c) => c.api === api);

  it('creates the window with the hardened settings', () => {
    const [window] = find('new BrowserWindow');
    const prefs = (window?.args[0] as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
  });

  it('registers a handler for every contract method, and nothing else', () => {
    expect(find('ipcMain.handle').map((c) => c.args[0]).sort()).toEqual(API_METHODS.map((m) => CHANNEL_PREFIX + m).sort());
  });

  it('loads a preload and a page that exist in out/', () => {
    const prefs = (find('new BrowserWindow')[0]?.args[0] as { webPreferences: { preload: string } }).webPreferences;
    expect(prefs.preload).toMatch(/out\/preload\/index\.cjs$/);
    expect(existsSync(prefs.preload)).toBe(true);
    const page = find('window.loadFile')[0]?.args[0] as string;
    expect(page).toMatch(/out\/renderer\/index\.html$/);
    expect(existsSync(page)).toBe(true);
    expect(existsSync(find('new Tray')[0]?.args[0] as string)).toBe(true);
  });

  it('denies permissions and locks down every web contents; one instance only', () => {
    expect(find('session.setPermissionRequestHandler')).toHaveLength(1);
    expect(find('app.on').map((c) => c.args[0])).toContain('web-contents-created');
    expect(find('app.requestSingleInstanceLock')).toHaveLength(1);
    expect(find('app.on').map((c) => c.args[0])).toContain('second-instance');
  });

  it('keeps a separate config folder a separate instance: Electron data under CTM_CONFIG_DIR, set before the instance lock', () => {
    const setPath = calls.findIndex((c) => c.api === 'app.setPath');
    expect(calls[setPath]?.args).toEqual(['userData', expect.stringMatching(/ctm-main-.*\/config\/electron$/)]);
    expect(setPath).toBeLessThan(calls.findIndex((c) => c.api === 'app.requestSingleInstanceLock'));
  });

  it('shows the tray state (icon, tooltip, menu) and applies the settings (shortcut) at start', () => {
    // Without a keyring (the child has no D-Bus session) the tray shows the problem with the error icon, Open and Quit.
    expect(find('tray.setImage')[0]?.args[0]).toMatch(/out\/icons\/tray-(error|light)\.png$/);
    expect(find('tray.setToolTip')[0]?.args[0]).toMatch(/^Cognito Token Manager\n\S/);
    expect(find('Menu.buildFromTemplate')).toHaveLength(1);
    expect(find('globalShortcut.unregisterAll').length).toBeGreaterThan(0);
    expect(find('globalShortcut.register')).toHaveLength(0);
  });

  it('clears the clipboard on quit and releases the shortcut', () => {
    const events = find('app.on').map((c) => c.args[0]);
    expect(events).toContain('before-quit');
    expect(events).toContain('will-quit');
  });
});
