import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, CHANNEL_PREFIX, QUICK_COPY_REQUESTED_CHANNEL } from '../../../main/ipc/contract.ts';
import type { Call } from '../../support/electron-standin/standin-app.ts';
import { workerKeyringSession, type KeyringSession } from '../../support/keyring-session.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

/** Runs out/main/index.cjs on the behaving Electron stand-in (Electron cannot run here), playing `steps`; answers every call and event in order. */
function runMain(steps: string[], env: Record<string, string> = {}, argv: string[] = []): Call[] {
  const run = runMainWithOutput(steps, env, argv);
  expect(run.stderr).toBe('');
  return run.calls;
}
function runMainWithOutput(
  steps: string[],
  env: Record<string, string>,
  argv: string[],
): { calls: Call[]; stdout: string; stderr: string } {
  const home = mkdtempSync(join(tmpdir(), 'ctm-main-'));
  const run = spawnSync(
    process.execPath,
    ['--no-warnings', 'test/support/electron-standin/recording-electron.ts', ...argv],
    {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        CTM_CONFIG_DIR: join(home, 'config'),
        // Without a session bus the keychain cannot answer: it fails fast. With one (the real keyring), the production
        // timeout: a first keyring call under load can take seconds, and the tray would show the error glyph.
        ...(env.DBUS_SESSION_BUS_ADDRESS ? {} : { CTM_KEYCHAIN_TIMEOUT_MS: '200' }),
        CTM_STANDIN_STEPS: steps.join(','),
        ...env,
      },
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  const lines = run.stdout.trim().split('\n');
  return {
    calls: JSON.parse(lines.at(-1) ?? '[]') as Call[],
    stdout: lines.slice(0, -1).join('\n'),
    stderr: run.stderr,
  };
}
const named = (calls: Call[], api: string): Call[] => calls.filter((c) => c.api === api);
/** What recording-electron.ts prints when its 'hold' step starts waiting. */
const HOLDING_LINE = 'ctm-standin: holding';
/** Runs the app in the background: `held` once it reaches its 'hold' step, `release()` to go on, `done` with its calls. */
function startMain(steps: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--no-warnings', 'test/support/electron-standin/recording-electron.ts'], {
    env: { PATH: process.env.PATH ?? '', CTM_STANDIN_STEPS: steps.join(','), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 50_000,
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const held = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes(`${HOLDING_LINE}\n`)) resolve();
    });
    child.on('close', () => reject(new Error(`the app ended before its 'hold' step: ${stderr}`)));
  });
  const done = new Promise<{ calls: Call[]; stderr: string }>((resolve) =>
    child.on('close', () => resolve({ calls: JSON.parse(stdout.trim().split('\n').at(-1) || '[]') as Call[], stderr })),
  );
  return { held, release: () => child.stdin.end('go\n'), done, kill: () => child.kill() };
}
/** The calls made while one step ran. */
const during = (calls: Call[], step: string): string[] => {
  const start = calls.findIndex((c) => c.api === 'step' && c.args[0] === step);
  const end = calls.findIndex((c, i) => i > start && c.api === 'step');
  return calls.slice(start + 1, end < 0 ? undefined : end).map((c) => c.api);
};

describe('main/index.ts wiring on the Electron stand-in, start-up (Electron stood in)', () => {
  let calls: Call[];
  beforeAll(() => {
    calls = runMain(['wait-window', 'wait-tray']);
  });
  const find = (api: string) => named(calls, api);

  it('creates the window with the hardened settings', () => {
    const [window] = find('new BrowserWindow');
    const prefs = (window?.args[0] as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('registers a handler for every contract method, and nothing else (the stand-in throws on a second handler, as Electron does)', () => {
    expect(
      find('ipcMain.handle')
        .map((c) => c.args[0])
        .sort(),
    ).toEqual(API_METHODS.map((m) => CHANNEL_PREFIX + m).sort());
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
    expect(find('tray.setContextMenu')).toHaveLength(1);
    expect(find('globalShortcut.unregisterAll').length).toBeGreaterThan(0);
    expect(find('globalShortcut.register')).toHaveLength(0);
  });

  it('requires keytar at the first keychain call, not while loading (a host without libsecret still opens the window)', () => {
    const required = calls.findIndex((c) => c.api === 'require' && c.args[0] === 'keytar');
    expect(required).toBeGreaterThan(calls.findIndex((c) => c.api === 'step' && c.args[0] === 'loaded'));
  });

  it("replaces Electron's default menu (Reload, Toggle Developer Tools) on Linux: only a development build keeps the two", () => {
    expect(find('Menu.setApplicationMenu')).toHaveLength(1);
    const packaged = named(runMain(['wait-window'], { CTM_STANDIN_PACKAGED: '1' }), 'Menu.setApplicationMenu');
    expect(packaged.map((c) => c.args[0])).toEqual([null]);
  });
});

describe('main/index.ts lifecycle on the Electron stand-in (Electron stood in)', () => {
  let calls: Call[];
  beforeAll(() => {
    // The tray first (it follows the first keychain read, which a loaded machine delays), so no step sees it arrive.
    calls = runMain([
      'wait-window',
      'wait-tray',
      'close-window',
      'second-instance',
      'minimize',
      'second-instance',
      'close-window',
      'activate',
      'quit',
    ]);
  });

  it('hides the window on close instead of closing it, and keeps the app running', () => {
    expect(during(calls, 'close-window')).toEqual(['window.hide']);
  });

  it('shows and focuses the window on a second launch, restoring it when minimised', () => {
    expect(during(calls, 'second-instance')).toEqual(['window.show', 'window.focus']);
    const second = calls.findIndex(
      (c, i) =>
        c.api === 'step' &&
        c.args[0] === 'second-instance' &&
        i > calls.findIndex((d) => d.api === 'step' && d.args[0] === 'minimize'),
    );
    expect(calls.slice(second + 1, second + 4).map((c) => c.api)).toEqual([
      'window.restore',
      'window.show',
      'window.focus',
    ]);
  });

  it('shows the window on activate (a Dock click on macOS)', () => {
    expect(during(calls, 'activate')).toEqual(['window.show', 'window.focus']);
  });

  it('quits only after the clipboard clear settled: the first quit is held, the second closes the window and exits', () => {
    expect(during(calls, 'quit')).toEqual([
      'app.quit',
      'app.quit cancelled at before-quit',
      'app.quit',
      'window.closed',
      'globalShortcut.unregisterAll',
      'app.exited',
    ]);
  });
});

describe('main/index.ts quick copy from anywhere (Electron stood in)', () => {
  it('the quick-copy shortcut brings the hidden window back with the palette open', () => {
    const config = mkdtempSync(join(tmpdir(), 'ctm-main-config-'));
    writeFileSync(
      join(config, 'settings.json'),
      JSON.stringify({ version: 1, settings: { quickCopyShortcut: 'CommandOrControl+Shift+Space' } }),
    );
    const calls = runMain(['wait-window', 'wait-tray', 'close-window', 'press-shortcut'], { CTM_CONFIG_DIR: config });
    expect(named(calls, 'globalShortcut.register').map((c) => c.args[0])).toEqual(['CommandOrControl+Shift+Space']);
    expect(during(calls, 'press-shortcut')).toEqual(['window.show', 'window.focus', 'webContents.send']);
    expect(named(calls, 'webContents.send').at(-1)?.args).toEqual([QUICK_COPY_REQUESTED_CHANNEL]);
  });
});

describe('main/index.ts started by a ctm launcher (`<app> --ctm-cli -- <args>`; Electron stood in)', () => {
  it('runs the command line and exits with its code: no instance lock, window, tray or menu', () => {
    const { calls, stdout, stderr } = runMainWithOutput([], {}, ['--ctm-cli', '--', '--help']);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^USAGE\n {2}ctm /m);
    expect(named(calls, 'app.exited').map((c) => c.args[0])).toEqual([0]);
    for (const api of ['app.requestSingleInstanceLock', 'new BrowserWindow', 'new Tray', 'Menu.setApplicationMenu'])
      expect(named(calls, api), api).toEqual([]);
  });

  it("passes ctm's exit code on: an unknown command is a usage error", () => {
    const { calls, stderr } = runMainWithOutput([], {}, ['--ctm-cli', '--', 'no-such-command']);
    expect(stderr).toMatch(/^ctm: Unknown command "no-such-command"/);
    expect(named(calls, 'app.exited').map((c) => c.args[0])).not.toEqual([0]);
  });
});

describe('main/index.ts with a keychain that never answers (a D-Bus socket that accepts and stays silent; Electron stood in)', () => {
  let server: Server;
  let socket: string;
  beforeAll(async () => {
    socket = join(mkdtempSync(join(tmpdir(), 'ctm-hung-bus-')), 'bus');
    server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(socket, resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('shows the window at once, before the keychain answers (the tray waits for it)', () => {
    const calls = runMain(['wait-window'], {
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${socket}`,
      CTM_KEYCHAIN_TIMEOUT_MS: '30000',
    });
    expect(named(calls, 'window.show')).toHaveLength(1);
    expect(named(calls, 'tray.setContextMenu')).toHaveLength(0);
  });
});

describe.skipIf(!HAS_KEYRING)(
  'main/index.ts tray glyph and theme changes, on the real keyring (Electron stood in)',
  () => {
    let keyring: KeyringSession;
    beforeAll(async () => {
      keyring = await workerKeyringSession();
    });
    afterAll(() => keyring?.stop());
    const images = (calls: Call[]) => named(calls, 'tray.setImage').map((c) => String(c.args[0]).replace(/.*\//, ''));

    it('Windows: follows the system (taskbar) theme, not the app theme', () => {
      const calls = runMain(['wait-tray', 'dark-app', 'dark-system'], {
        ...keyring.env,
        CTM_STANDIN_PLATFORM: 'win32',
      });
      expect(images(calls)).toEqual(['tray-light.png', 'tray-dark.png']);
      expect(during(calls, 'dark-app')).toEqual([]);
      expect(named(calls, 'app.setAppUserModelId').map((c) => c.args[0])).toEqual(['dev.cognito-token-manager.app']);
    });

    it('Linux, first launch on a fresh machine (no config folder yet): the quiet glyph, not an error; then follows the desktop theme', () => {
      const calls = runMain(['wait-tray', 'dark-app'], keyring.env);
      expect(images(calls)).toEqual(['tray-light.png', 'tray-dark.png']);
    });

    it('macOS: an app menu with the ctm installer, Edit and Window menus; no Reload or Developer Tools once packaged', () => {
      const calls = runMain(['wait-tray'], {
        ...keyring.env,
        CTM_STANDIN_PLATFORM: 'darwin',
        CTM_STANDIN_PACKAGED: '1',
      });
      const menu = named(calls, 'Menu.setApplicationMenu')[0]?.args[0] as string[];
      expect(menu).toEqual(
        expect.arrayContaining(['appMenu', "Install 'ctm' Command in PATH\u2026", 'editMenu', 'windowMenu', 'quit']),
      );
      expect(menu).not.toContain('reload');
      expect(menu).not.toContain('toggleDevTools');
      expect(images(calls)).toEqual(['trayTemplate.png']);
    });

    it('`ctm settings` run while the app is open takes effect at once: the new shortcut is bound without a restart', async () => {
      const config = mkdtempSync(join(tmpdir(), 'ctm-main-config-'));
      const env = { ...keyring.env, CTM_CONFIG_DIR: config };
      const app = startMain(['wait-tray', 'hold', 'wait-reapplied', 'quit'], env);
      try {
        await app.held;
        expect((await runCtm(['settings', 'globalShortcut', 'CommandOrControl+Shift+Y'], env)).code).toBe(0);
      } finally {
        app.release();
      }
      const { calls, stderr } = await app.done;
      expect(stderr).toBe('');
      expect(named(calls, 'globalShortcut.register').map((c) => c.args[0])).toEqual(['CommandOrControl+Shift+Y']);
    });

    it('says when a copy without a window fails (the global shortcut on a signed-out profile), instead of swallowing it', async () => {
      const config = mkdtempSync(join(tmpdir(), 'ctm-main-config-'));
      mkdirSync(config, { recursive: true });
      const env = { ...keyring.env, CTM_CONFIG_DIR: config };
      expect(
        (await runCtm(['profile', 'add', 'dev', '--user-pool-id', 'us-east-1_AbCdEf123', '--client-id', 'abc123'], env))
          .code,
      ).toBe(0);
      const [dev] = JSON.parse((await runCtm(['profile', 'list', '--json'], env)).stdout) as { id: string }[];
      writeFileSync(
        join(config, 'settings.json'),
        JSON.stringify({
          version: 1,
          settings: {
            clipboardClearSeconds: 60,
            startAtLogin: false,
            globalShortcut: 'CommandOrControl+Shift+T',
            defaultProfileId: dev?.id,
          },
        }),
      );
      const notified = runMain(['wait-tray', 'press-shortcut'], env);
      expect(named(notified, 'notification.show')).toEqual([
        { api: 'notification.show', args: ['Copying the token failed', expect.stringMatching(/sign/i)] },
      ]);
      // Where notifications are off (Notification.isSupported() false), the tray tooltip says it.
      const flashed = runMain(['wait-tray', 'press-shortcut'], { ...env, CTM_STANDIN_NOTIFICATIONS: '0' });
      expect(during(flashed, 'press-shortcut')).toEqual(['tray.setToolTip']);
      expect(named(flashed, 'tray.setToolTip').at(-1)?.args[0]).toMatch(/^Copying the token failed\n/);
    });
  },
);
