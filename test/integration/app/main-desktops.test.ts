import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../../../main/clipboard/run-tool.ts';
import { WAYLAND_NEEDS_WL_CLIPBOARD } from '../../../main/electron/clipboard-route.ts';
import { SIGN_IN_REQUESTED_CHANNEL } from '../../../main/ipc/contract.ts';
import { LIBSECRET_MISSING } from '../../../main/core/keychain/keytar-secret-store.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { during, named, runMainAsync } from '../../support/electron-standin/run-main.ts';
import { startHeadlessWayland, type HeadlessWayland } from '../../support/headless-wayland.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING, hasCommand, systemComponent } from '../../support/system-components.ts';

const HAS_WAYLAND = systemComponent(
  'sway and wl-clipboard',
  hasCommand('sway') && hasCommand('wl-copy') && hasCommand('setpriv'),
  'apt-get install --no-install-recommends sway wl-clipboard',
);
const SHORTCUT = 'CommandOrControl+Shift+T';
const settingsFile = (configDir: string, settings: Record<string, unknown>): void => {
  mkdirSync(configDir, { recursive: true });
  writeFileSync(
    join(configDir, 'settings.json'),
    JSON.stringify({
      version: 1,
      settings: {
        clipboardClearSeconds: 60,
        startAtLogin: false,
        globalShortcut: '',
        defaultProfileId: '',
        ...settings,
      },
    }),
  );
};

describe.skipIf(!HAS_KEYRING || !HAS_WAYLAND)(
  'the global shortcut copy on a Wayland session: real headless sway, wl-clipboard, keyring and emulator (Electron stood in: it drops unfocused clipboard writes)',
  () => {
    let app: AppFixture;
    let wayland: HeadlessWayland;
    let env: Record<string, string>;
    let token: string;
    let profileId: string;
    const pasted = async (): Promise<string> =>
      (await runTool({ command: 'wl-paste', args: ['--no-newline'] }, '', 'reader', { ...process.env, ...wayland.env }))
        .stdout;

    beforeAll(async () => {
      wayland = await startHeadlessWayland();
      app = await startAppFixture(skeletonSeed());
      env = { ...app.env, ...wayland.env };
      await runCtm(
        [
          'profile',
          'add',
          'dev',
          '--user-pool-id',
          TEST_POOL,
          '--client-id',
          PUBLIC_CLIENT,
          '--username',
          'alice',
          '--auth-flow',
          'USER_PASSWORD_AUTH',
          '--endpoint',
          app.emulator.endpoint,
        ],
        env,
      );
      expect((await runCtm(['login', 'dev', '--password-stdin'], env, ALICE_PASSWORD)).code).toBe(0);
      token = (await runCtm(['token', 'dev'], env)).stdout.trim();
      profileId = (JSON.parse((await runCtm(['profile', 'list', '--json'], env)).stdout) as { id: string }[])[0]!.id;
      settingsFile(app.configDir, { globalShortcut: SHORTCUT, defaultProfileId: profileId });
    });
    afterAll(async () => {
      await app?.close();
      await wayland?.stop();
    });

    it('enables the shortcut portal before ready, and the copy made with no focused window lands in the Wayland clipboard', async () => {
      const { calls } = await runMainAsync(['wait-tray', 'blur', 'press-shortcut', 'settle'], env);
      const portal = calls.findIndex(
        (c) =>
          c.api === 'app.commandLine.appendSwitch' &&
          c.args[0] === 'enable-features' &&
          c.args[1] === 'GlobalShortcutsPortal',
      );
      expect(portal).toBeGreaterThanOrEqual(0);
      expect(portal).toBeLessThan(calls.findIndex((c) => c.api === 'step'));
      expect(named(calls, 'globalShortcut: not bound (Wayland without the portal)')).toEqual([]);
      expect(named(calls, 'clipboard.write dropped (Wayland, no focused window)')).toEqual([]);
      expect(token).toMatch(/^eyJ/);
      expect(await pasted()).toBe(token);
      expect(named(calls, 'notification.show')).toEqual([]);
    });

    it('without wl-clipboard, says the copy cannot land instead of "copied", and leaves the clipboard alone', async () => {
      await runTool({ command: 'wl-copy', args: [] }, 'before', 'writer', { ...process.env, ...wayland.env });
      // A PATH with everything but wl-clipboard: the stand-in's node is run by path, the keyring is reached over D-Bus.
      const bin = mkdtempSync(join(tmpdir(), 'ctm-no-wl-'));
      const { calls } = await runMainAsync(['wait-tray', 'blur', 'press-shortcut', 'settle'], { ...env, PATH: bin });
      expect(named(calls, 'notification.show')).toEqual([
        { api: 'notification.show', args: ['Copying the token failed', WAYLAND_NEEDS_WL_CLIPBOARD] },
      ]);
      expect(await pasted()).toBe('before');
    });
  },
);

describe('the global shortcut refused (another application owns it; Electron stood in)', () => {
  it('says so once, instead of a shortcut that silently does nothing', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ctm-main-'));
    settingsFile(join(home, 'config'), { globalShortcut: SHORTCUT });
    const { calls } = await runMainAsync(['wait-tray'], { HOME: home, CTM_STANDIN_TAKEN_SHORTCUTS: SHORTCUT });
    expect(named(calls, 'notification.show')).toEqual([
      { api: 'notification.show', args: [`The shortcut ${SHORTCUT} is not active`, expect.stringMatching(/Settings/)] },
    ]);
  });
});

describe('Start at login on Linux: an XDG autostart entry (setLoginItemSettings does nothing there; Electron stood in)', () => {
  it('writes ~/.config/autostart/cognito-token-manager.desktop when on, and removes it when off', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ctm-main-'));
    const entry = join(home, '.config/autostart/cognito-token-manager.desktop');
    settingsFile(join(home, 'config'), { startAtLogin: true });
    await runMainAsync(['wait-tray'], { HOME: home });
    const text = readFileSync(entry, 'utf8');
    expect(text).toMatch(/^\[Desktop Entry\]\nType=Application\n/);
    // A development build runs `electron out` (npm start): the entry starts the same.
    expect(text).toContain(`Exec=${process.execPath} ${join(process.cwd(), 'out')}\n`);
    settingsFile(join(home, 'config'), { startAtLogin: false });
    await runMainAsync(['wait-tray'], { HOME: home });
    expect(existsSync(entry)).toBe(false);
  });

  it('follows XDG_CONFIG_HOME', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ctm-main-'));
    settingsFile(join(home, 'config'), { startAtLogin: true });
    await runMainAsync(['wait-tray'], { HOME: home, XDG_CONFIG_HOME: join(home, 'xdg') });
    expect(existsSync(join(home, 'xdg/autostart/cognito-token-manager.desktop'))).toBe(true);
  });

  it('never writes through a planted link in place of the entry (it is replaced, the link target untouched)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ctm-main-'));
    mkdirSync(join(home, '.config/autostart'), { recursive: true });
    writeFileSync(join(home, 'victim'), 'untouched');
    symlinkSync(join(home, 'victim'), join(home, '.config/autostart/cognito-token-manager.desktop'));
    settingsFile(join(home, 'config'), { startAtLogin: true });
    await runMainAsync(['wait-tray'], { HOME: home });
    expect(readFileSync(join(home, 'victim'), 'utf8')).toBe('untouched');
  });
});

describe('macOS and Windows on the stand-in (Electron stood in)', () => {
  it('macOS: a restart or log-out is not stopped by the app (before-quit is not cancelled once powerMonitor said shutdown)', async () => {
    const { calls } = await runMainAsync(['wait-window', 'system-quit'], { CTM_STANDIN_PLATFORM: 'darwin' });
    expect(during(calls, 'system-quit')).not.toContain('system: shut-down stopped, the app refused to quit');
    expect(named(calls, 'app.exited')).toHaveLength(1);
  });

  it("macOS: opening the tray's menu does not also raise the window ('click' fires with the menu); Windows: a click shows it", async () => {
    const mac = await runMainAsync(['wait-tray', 'close-window', 'tray-click'], { CTM_STANDIN_PLATFORM: 'darwin' });
    expect(during(mac.calls, 'tray-click')).toEqual(['tray: menu opened']);
    const windows = await runMainAsync(['wait-tray', 'close-window', 'tray-click'], { CTM_STANDIN_PLATFORM: 'win32' });
    expect(during(windows.calls, 'tray-click')).toEqual(['window.show', 'window.focus']);
  });
});

describe('Linux desktops on the stand-in (Electron stood in)', () => {
  it("GNOME and Ubuntu: the glyph for a dark panel on a light desktop (the top bar is dark), after Electron's XDG_CURRENT_DESKTOP rewrite", async () => {
    for (const desktop of ['ubuntu:GNOME', 'GNOME']) {
      const { calls } = await runMainAsync(['wait-window'], { XDG_CURRENT_DESKTOP: desktop });
      expect(String(named(calls, 'new Tray')[0]?.args[0]), desktop).toMatch(/tray-dark\.png$/);
    }
    const kde = await runMainAsync(['wait-window'], { XDG_CURRENT_DESKTOP: 'KDE' });
    expect(String(named(kde.calls, 'new Tray')[0]?.args[0])).toMatch(/tray-light\.png$/);
  });

  it('a host without libsecret: the window opens and the tray says what to install, instead of the app dying at launch', async () => {
    const { calls, stderr } = await runMainAsync(['wait-window', 'wait-tray'], { CTM_STANDIN_NO_LIBSECRET: '1' });
    expect(stderr).toBe('');
    expect(named(calls, 'window.show')).toHaveLength(1);
    expect(String(named(calls, 'tray.setToolTip')[0]?.args[0])).toContain(LIBSECRET_MISSING.slice(0, 60));
    expect(calls.findIndex((c) => c.api === 'require' && c.args[0] === 'keytar')).toBeGreaterThan(
      calls.findIndex((c) => c.api === 'step'),
    );
  });

  it('ctm from the installed app keeps its own Chromium data (a private folder, removed at exit) and runs without a GPU', async () => {
    const { calls, stdout } = await runMainAsync([], {}, ['--ozone-platform=headless', '--ctm-cli', '--', '--version']);
    expect(stdout).toMatch(/\d+\.\d+\.\d+/);
    const [userData] = named(calls, 'app.setPath');
    expect(userData?.args[0]).toBe('userData');
    expect(String(userData?.args[1])).toMatch(/ctm-cli-/);
    expect(existsSync(String(userData?.args[1]))).toBe(false);
    expect(named(calls, 'app.disableHardwareAcceleration')).toHaveLength(1);
  });
});

describe('installed ctm on Windows, where the GUI executable has no console input (Electron stood in)', () => {
  it('`ctm login NAME` hands the sign-in to the window: the app is relaunched with --ctm-sign-in=NAME, and says so', async () => {
    const { calls, stderr } = await runMainAsync([], { CTM_STANDIN_PLATFORM: 'win32' }, [
      '--ctm-cli',
      '--',
      'login',
      'my dev',
    ]);
    expect(stderr).toMatch(/continues in the Cognito Token Manager window/);
    expect(named(calls, 'app.relaunch').map((c) => c.args[0])).toEqual([['--ctm-sign-in=my dev']]);
    expect(named(calls, 'app.exited').map((c) => c.args[0])).toEqual([0]);
  });

  it('piped input stays in the command line (no relaunch)', async () => {
    const { calls } = await runMainAsync([], { CTM_STANDIN_PLATFORM: 'win32', TEMP: tmpdir() }, [
      '--ctm-cli',
      '--',
      'login',
      'dev',
      '--password-stdin',
    ]);
    expect(named(calls, 'app.relaunch')).toEqual([]);
  });
});

describe.skipIf(!HAS_KEYRING)(
  'the app started with --ctm-sign-in=NAME, on the real keyring (Electron stood in)',
  () => {
    let app: AppFixture;
    beforeAll(async () => {
      app = await startAppFixture(skeletonSeed());
      await runCtm(
        [
          'profile',
          'add',
          'my-dev',
          '--user-pool-id',
          TEST_POOL,
          '--client-id',
          PUBLIC_CLIENT,
          '--endpoint',
          app.emulator.endpoint,
        ],
        app.env,
      );
    });
    afterAll(() => app?.close());

    it("opens the window's sign-in for that profile", async () => {
      const [profile] = JSON.parse((await runCtm(['profile', 'list', '--json'], app.env)).stdout) as { id: string }[];
      const { calls } = await runMainAsync(['wait-tray', 'settle'], { ...app.env }, ['--ctm-sign-in=my-dev']);
      expect(named(calls, 'webContents.send').map((c) => c.args)).toContainEqual([
        SIGN_IN_REQUESTED_CHANNEL,
        profile?.id,
      ]);
    });
  },
);

describe('macOS, an unsigned bundle (its notifications are dropped; Electron stood in)', () => {
  it('still says what happened, beside the tray icon', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ctm-main-'));
    settingsFile(join(home, 'config'), { globalShortcut: SHORTCUT });
    const { calls } = await runMainAsync(['wait-tray'], {
      HOME: home,
      CTM_STANDIN_PLATFORM: 'darwin',
      CTM_STANDIN_SIGNED: '0',
      CTM_STANDIN_TAKEN_SHORTCUTS: SHORTCUT,
    });
    expect(named(calls, 'notification dropped (unsigned macOS bundle)')).toHaveLength(1);
    expect(named(calls, 'tray.setTitle').map((c) => c.args[0])).toEqual([`The shortcut ${SHORTCUT} is not active`]);
  });
});

describe('installed ctm on Windows without a profile name to hand over (Electron stood in: stdin ends at once)', () => {
  it('a prompt ends with a clear error at once, never a hang', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ctm-main-'));
    const { calls, stderr } = await runMainAsync([], { HOME: home, CTM_STANDIN_PLATFORM: 'win32', TEMP: tmpdir() }, [
      '--ctm-cli',
      '--',
      'login',
    ]);
    expect(stderr).toMatch(/^ctm: /);
    expect(named(calls, 'app.exited').map((c) => c.args[0])).not.toEqual([0]);
  });
});
