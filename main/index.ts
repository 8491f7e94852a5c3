// The Electron main process: wiring only. It builds the real adapters, hands them to the core and registers
// the IPC handlers of the one contract. All logic lives in main/core, main/ipc and main/electron.
import {
  app,
  BrowserWindow,
  clipboard,
  ClipboardItem,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  session,
  Tray,
} from 'electron';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli/run-cli.ts';
import { CTM_VERSION } from './cli/version.ts';
import { startAppTokenAgent } from './core/agent/app-token-agent.ts';
import { cachedTokenSource } from './core/agent/cached-token-source.ts';
import { cachedAwsCredentialSource } from './core/aws/agent-aws-source.ts';
import { startAppEndpoint } from './core/token-endpoint/agent-endpoint.ts';
import { Core } from './core/core.ts';
import { fetchTransportWith } from './core/cognito/transport.ts';
import { KeytarSecretStore } from './core/keychain/keytar-secret-store.ts';
import { FileLogger } from './core/logging/file-logger.ts';
import { configDir } from './core/profiles/config-dir.ts';
import type { AppSettings } from './core/settings/app-settings.ts';
import { SettingsStore } from './core/settings/settings-store.ts';
import { clearBeforeQuit, showOnReturn } from './electron/app-lifecycle.ts';
import { appMenuTemplate } from './electron/app-menu.ts';
import { appPageMatcher } from './electron/app-page.ts';
import { appPaths } from './electron/app-paths.ts';
import { cliArgsFromLauncher } from './shared/cli-launch.ts';
import { plainText } from './shared/plain-text.ts';
import {
  addGlobalShortcut,
  applyGlobalShortcut,
  enableShortcutPortal,
  refusedShortcutNotice,
} from './electron/global-shortcut.ts';
import { clipboardRoute } from './electron/clipboard-route.ts';
import { applyStartAtLogin } from './electron/login-item.ts';
import { trayClickShowsWindow } from './electron/tray-click.ts';
import { signInHandOff, signInRequestFrom, SIGN_IN_SWITCH } from './electron/sign-in-handoff.ts';
import { macCliInstallArgs, MAC_CLI_LINK } from './electron/install-cli.ts';
import { bringBack, closeBehaviour, keepInTray, mainWindowOptions } from './electron/main-window.ts';
import { noticesFor, type NoticeModel } from './electron/notifications.ts';
import { watchSystemEvents } from './electron/system-events.ts';
import { ElectronTokenClipboard } from './electron/token-clipboard.ts';
import { TrayController } from './electron/tray-controller.ts';
import { copiedNotice, failedNotice } from './electron/tray-feedback.ts';
import { withRecent, type TrayAction, type TrayContext } from './electron/tray-menu.ts';
import { panelIsDark } from './electron/tray-theme.ts';
import { lockDownWebContents } from './electron/web-security.ts';
import {
  CHANGED_CHANNEL,
  QUICK_COPY_REQUESTED_CHANNEL,
  SIGN_IN_REQUESTED_CHANNEL,
  type ProfileView,
} from './ipc/contract.ts';
import { createApi, createIpcHandlers } from './ipc/handlers.ts';
import { openInSystemBrowser } from './electron/system-browser.ts';
import { registerHandlers } from './ipc/register-handlers.ts';
import { crashHookFrom } from './core/crash-point.ts';
import { scheduleOrphanSweeps } from './core/keychain/orphan-sweep.ts';
import { systemTimers } from './core/clock.ts';

// keytar is loaded at the first keychain call (a plain CommonJS require in the bundle, build/bundle.ts), so a host
// without libsecret still opens the window, which then says what is missing instead of the app dying at launch.
const secretStore = (): KeytarSecretStore => new KeytarSecretStore();
const cliArgs = cliArgsFromLauncher(process.argv);
if (cliArgs) runAsCli(cliArgs);
else startApp();

/** `ctm` from an installed app (build/bin launchers): the CLI in this process, then exit; no window, tray or lock. */
function runAsCli(args: string[]): void {
  app.dock?.hide();
  // Windows gives this GUI executable no console input: a sign-in that would prompt continues in the app's window,
  // started (or reached, through the single-instance lock) once this process has exited.
  const handOff = signInHandOff(args, process.platform, process.stdin.isTTY === true);
  if (handOff !== undefined) {
    process.stderr.write(
      `ctm: the installed app cannot read this console on Windows; signing in to "${plainText(handOff, 80)}" continues in the Cognito Token Manager window.\n`,
    );
    app.relaunch({ execPath: process.execPath, args: [`${SIGN_IN_SWITCH}=${handOff}`] });
    app.exit(0);
    return;
  }
  // Its own Chromium data, never the running app's (sharing it moves the app's caches and prints about it), and no GPU
  // process; on Linux the launcher also starts it headless (--ozone-platform=headless), so it runs without a display.
  const chromiumData = mkdtempSync(join(tmpdir(), 'ctm-cli-'));
  app.setPath('userData', chromiumData);
  app.disableHardwareAcceleration();
  const terminal = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  void runCli(
    args,
    () => new Core({ configDir: configDir(), secretStore: secretStore(), crash: crashHookFrom(process.env) }),
    terminal,
  )
    .catch(() => (process.stderr.write('ctm: unexpected failure\n'), 1))
    .then((code) =>
      process.stdout.write('', () => (rmSync(chromiumData, { recursive: true, force: true }), app.exit(code))),
    );
}

function startApp(): void {
  const paths = appPaths(__dirname, process.platform, panelIsDark(process.platform, nativeTheme, process.env));
  const isAppPage = appPageMatcher(paths.page);

  // Another config folder (the demo, tests) is another instance: its own Electron data and single-instance lock.
  if (process.env.CTM_CONFIG_DIR) app.setPath('userData', join(process.env.CTM_CONFIG_DIR, 'electron'));
  // Windows shows toasts only for an app with this id (the one the installer's shortcut carries).
  if (process.platform === 'win32') app.setAppUserModelId('dev.cognito-token-manager.app');
  // Chromium reads its switches at start: the Wayland shortcut portal must be on before 'ready'.
  enableShortcutPortal(app.commandLine, process.platform, process.env);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // A fresh machine has no config folder yet, and parts of the core expect it (lock and cache files open inside it).
  mkdirSync(configDir(), { recursive: true, mode: 0o700 });
  let quitting = false;
  let window: BrowserWindow | undefined;
  let trayController: TrayController | undefined;
  let lastProfiles: ProfileView[] | undefined;
  // What the tray puts first: the default profile and its shortcut (from the settings), the profiles copied last.
  let trayContext: TrayContext = {};
  const logger = new FileLogger(configDir());
  // Electron's net.fetch goes through Chromium's network stack, which follows the system proxy settings (and PAC files).
  const core = new Core({
    configDir: configDir(),
    secretStore: secretStore(),
    logger,
    transport: fetchTransportWith(net.fetch),
    crash: crashHookFrom(process.env),
  });
  // Refresh-token items left by a process killed mid-write are swept now and then by the app (ctm never lists the keychain).
  scheduleOrphanSweeps(() => core.sweepOrphans(), systemTimers);
  const settings = new SettingsStore(configDir());
  const tokenClipboard = new ElectronTokenClipboard(clipboard, (items) => new ClipboardItem(items), {
    route: clipboardRoute(process.platform, process.env),
    hasFocusedWindow: () => BrowserWindow.getFocusedWindow() !== null,
  });
  let clearSeconds = 60;
  // Every change (the window's, the tray's, a refresh's) lands here: push it to the page, update the tray, notify.
  const changed = (): void => void onChanged();
  // Managed login opens the system browser (Electron docs: shell.openExternal), never a window of ours.
  const copied = (profileId: string): void => {
    trayContext = { ...trayContext, recentIds: withRecent(trayContext.recentIds ?? [], profileId) };
    if (lastProfiles) trayController?.show(lastProfiles, Date.now(), undefined, trayContext);
  };
  const api = createApi(core, tokenClipboard, { settings, changed, copied, openExternal: openInSystemBrowser });

  const showWindow = (): BrowserWindow => {
    if (!window || window.isDestroyed()) {
      window = new BrowserWindow(mainWindowOptions(paths.preload));
      keepInTray(window, () => quitting, closeBehaviour(process.platform, process.env));
      void window.loadFile(paths.page);
    } else {
      bringBack(window);
    }
    return window;
  };
  const send = (channel: string, ...args: unknown[]): void => {
    if (window && !window.isDestroyed()) window.webContents.send(channel, ...args);
  };
  // The tray has no page to answer in: a notification says what happened, or the tooltip where notifications are off.
  const tell = (notice: NoticeModel): void => {
    if (Notification.isSupported()) new Notification(notice).show();
    else trayController?.flash(`${notice.title}\n${notice.body}`);
    // macOS drops an unsigned bundle's notifications without a word (electron/electron #47817): the menu bar says it too.
    if (process.platform === 'darwin') trayController?.flashTitle(notice.title);
  };
  const runTrayAction = (action: TrayAction): void => {
    if (action.kind === 'open') showWindow();
    else if (action.kind === 'quit') app.quit();
    else if (action.kind === 'copy') {
      const name = lastProfiles?.find((p) => p.id === action.profileId)?.name ?? 'the profile';
      void api.copyToken(action.profileId, action.token, action.format).then(
        () => tell(copiedNotice(name, action.token, action.format, clearSeconds)),
        (error: unknown) => tell(failedNotice('Copying the token', error)),
      );
    } else if (action.kind === 'refresh')
      void api.refreshNow(action.profileId).catch((error: unknown) => tell(failedNotice('Refreshing', error)));
    else if (action.kind === 'sign-in') {
      const shown = showWindow();
      // A freshly created page asks for the profile itself once loaded; an open one hears it now.
      if (shown.webContents.isLoading())
        shown.webContents.once('did-finish-load', () => send(SIGN_IN_REQUESTED_CHANNEL, action.profileId));
      else send(SIGN_IN_REQUESTED_CHANNEL, action.profileId);
    }
  };
  async function onChanged(): Promise<void> {
    send(CHANGED_CHANNEL);
    let problem: string | undefined;
    const profiles = await api.listProfiles().catch((error: unknown) => {
      problem = error instanceof Error ? error.message : 'The profiles could not be read.';
      return undefined;
    });
    // Without the profiles (a locked keychain, a broken file) the tray still offers Open and Quit, and says why.
    trayController?.show(profiles ?? [], Date.now(), problem, trayContext);
    if (!profiles) return;
    if (Notification.isSupported())
      for (const notice of noticesFor(lastProfiles, profiles)) new Notification(notice).show();
    lastProfiles = profiles;
  }
  let refusedShortcut = '';
  const applySettings = (current: AppSettings): void => {
    clearSeconds = current.clipboardClearSeconds;
    trayContext = { ...trayContext, defaultProfileId: current.defaultProfileId, shortcut: current.globalShortcut };
    if (lastProfiles) trayController?.show(lastProfiles, Date.now(), undefined, trayContext);
    tokenClipboard.setClearAfter(current.clipboardClearSeconds * 1000);
    // The installed app (the AppImage file itself when run from one); a development build needs its folder too.
    const command = [process.env.APPIMAGE || process.execPath, ...(app.isPackaged ? [] : [app.getAppPath()])];
    void applyStartAtLogin(current.startAtLogin, process.platform, app, { env: process.env, command }).catch(
      (error: unknown) => tell(failedNotice('Start at login', error)),
    );
    const shortcut = applyGlobalShortcut(globalShortcut, current.globalShortcut, () => {
      if (current.defaultProfileId)
        void api
          .copyToken(current.defaultProfileId, 'access', 'raw')
          .catch((error: unknown) => tell(failedNotice('Copying the token', error)));
    });
    // The quick-copy palette (issue 24): the window comes up with the palette open, as 1Password's Quick Access.
    const palette = addGlobalShortcut(globalShortcut, current.quickCopyShortcut, () => {
      const shown = showWindow();
      if (shown.webContents.isLoading())
        shown.webContents.once('did-finish-load', () => send(QUICK_COPY_REQUESTED_CHANNEL));
      else send(QUICK_COPY_REQUESTED_CHANNEL);
    });
    // Said once per refused combination, not on every later settings change.
    const refused = [
      shortcut === 'refused' ? current.globalShortcut : '',
      palette === 'refused' ? current.quickCopyShortcut : '',
    ].filter(Boolean);
    for (const accelerator of refused)
      if (!refusedShortcut.split('\n').includes(accelerator)) tell(refusedShortcutNotice(accelerator));
    refusedShortcut = refused.join('\n');
  };
  const installCli = (): void => {
    execFile('osascript', macCliInstallArgs(join(process.resourcesPath, 'bin', 'ctm')), (error) => {
      const taken = error !== null && /another ctm is already at/.test(error.message);
      const why = taken
        ? `Another 'ctm' is already at ${MAC_CLI_LINK}; it was left alone. Remove it first, then try again.`
        : 'The administrator prompt was cancelled or failed.';
      if (error)
        void dialog.showMessageBox({ type: 'error', message: "The 'ctm' command was not installed.", detail: why });
      else
        void dialog.showMessageBox({
          type: 'info',
          message: `'ctm' is installed at ${MAC_CLI_LINK}.`,
          detail: 'Open a new terminal and run: ctm --help',
        });
    });
  };

  showOnReturn(app, () => void showWindow());
  // `ctm login NAME` handed over by the installed CLI on Windows (sign-in-handoff.ts): the window's sign-in for it.
  const signInByName = (argv: readonly string[]): void => {
    const name = signInRequestFrom(argv);
    if (name === undefined) return;
    void api.listProfiles().then(
      (profiles) => {
        const profile = profiles.find((p) => p.name === name);
        if (profile) runTrayAction({ kind: 'sign-in', profileId: profile.id });
      },
      () => undefined,
    );
  };
  app.on('second-instance', (_event, argv) => signInByName(argv));
  app.on('before-quit', () => {
    quitting = true;
  });
  // The copied token leaves the clipboard before the app does.
  clearBeforeQuit(app, () => tokenClipboard.clearIfOurs(), undefined, powerMonitor);
  app.on('will-quit', () => globalShortcut.unregisterAll());
  app.on('will-quit', () => core.scheduler.stop());
  app.on('window-all-closed', () => {
    // Stay in the tray.
  });

  void app.whenReady().then(async () => {
    // While the app is open, a cached `ctm token` in any terminal is answered from its memory. The version is the one
    // `ctm --version` prints (the same package). It never holds up the window or tray, and it cannot fail the app.
    const tokenAgent = startAppTokenAgent({
      configDir: configDir(),
      version: CTM_VERSION,
      tokens: cachedTokenSource(core),
      awsCredentials: cachedAwsCredentialSource(core),
      logger,
    });
    // The socket file goes within close() itself: Electron waits for no promise after 'will-quit'.
    app.on('will-quit', () => void tokenAgent.close());
    // The local OAuth 2.0 token endpoint for API clients (issue 22), beside the agent; it cannot fail the app either.
    const tokenEndpoint = startAppEndpoint(core, configDir(), logger);
    app.on('will-quit', () => void tokenEndpoint.close());
    const menu = appMenuTemplate({ platform: process.platform, packaged: app.isPackaged, installCli });
    Menu.setApplicationMenu(menu ? Menu.buildFromTemplate(menu) : null);
    lockDownWebContents(app, session.defaultSession, isAppPage);
    registerHandlers(ipcMain, createIpcHandlers(api), isAppPage);
    // The window first: it shows "loading" and asks for the profiles itself, so a locked or slow keychain never delays it.
    showWindow();
    const tray = new Tray(paths.trayIcon);
    if (trayClickShowsWindow(process.platform)) tray.on('click', () => void showWindow());
    trayController = new TrayController({
      tray,
      buildMenu: (template) => Menu.buildFromTemplate(template),
      icons: paths.trayIcons,
      run: runTrayAction,
    });
    // The glyph follows the panel's theme as it changes (Windows taskbar: the system theme, not the app's).
    nativeTheme.on('updated', () =>
      trayController?.setIcons(
        appPaths(__dirname, process.platform, panelIsDark(process.platform, nativeTheme, process.env)).trayIcons,
      ),
    );
    settings.onChange(applySettings);
    applySettings(await settings.get());
    await onChanged();
    signInByName(process.argv);
    // `npm run bench` (test/bench/electron) times launch to this point; nothing is printed otherwise.
    if (process.env.CTM_BENCH_READY === '1')
      process.stdout.write(`ctm-bench: tray-ready ${performance.now().toFixed(1)}\n`);
    // Tokens stay fresh on their own: restore and renew on start, then follow sleep, unlock, clock jumps and the network.
    let changeSoon: NodeJS.Timeout | undefined; // a storm of refreshes makes one update, not one per profile
    core.scheduler.onChange(() => void (changeSoon ??= setTimeout(() => ((changeSoon = undefined), changed()), 250)));
    void core.scheduler.start().catch(() => undefined);
    watchSystemEvents({ powerMonitor, net, scheduler: core.scheduler });
    // Time left moves on its own: the tray's model is recomputed from what is known (no keychain read), and the
    // menu is only rebuilt when the minute shown changes.
    setInterval(() => {
      if (lastProfiles) trayController?.show(lastProfiles, Date.now(), undefined, trayContext);
    }, 30_000).unref();
  });
}
