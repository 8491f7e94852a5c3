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
import { mkdirSync } from 'node:fs';
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
import { RecentProfilesFile } from './core/settings/recent-profiles-file.ts';
import { SettingsStore } from './core/settings/settings-store.ts';
import { cliArgsFromLauncher } from './shared/cli-launch.ts';
import { claimInstance } from './electron/app-instance.ts';
import { clearBeforeQuit, showOnReturn } from './electron/app-lifecycle.ts';
import { appMenuTemplate } from './electron/app-menu.ts';
import { appPageMatcher } from './electron/app-page.ts';
import { appPaths } from './electron/app-paths.ts';
import { startTray } from './electron/app-tray.ts';
import { AppWindow } from './electron/app-window.ts';
import { AppliedSettings } from './electron/applied-settings.ts';
import { clipboardRoute } from './electron/clipboard-route.ts';
import { installCliFromMenu } from './electron/install-cli.ts';
import { runInstalledCli } from './electron/installed-cli.ts';
import { closeBehaviour, mainWindowOptions } from './electron/main-window.ts';
import { noticeTeller, stateAnnouncer } from './electron/notice-delivery.ts';
import { openNamedSignIn } from './electron/sign-in-handoff.ts';
import { openInSystemBrowser } from './electron/system-browser.ts';
import { watchSystemEvents } from './electron/system-events.ts';
import { ElectronTokenClipboard } from './electron/token-clipboard.ts';
import { trayActionRunner } from './electron/tray-actions.ts';
import { TrayStatus } from './electron/tray-status.ts';
import { panelIsDark } from './electron/tray-theme.ts';
import { lockDownWebContents } from './electron/web-security.ts';
import {
  CHANGED_CHANNEL,
  QUICK_COPY_REQUESTED_CHANNEL,
  SIGN_IN_REQUESTED_CHANNEL,
  type ProfileView,
} from './ipc/contract.ts';
import { createApi, createIpcHandlers } from './ipc/handlers.ts';
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

/** `ctm` from an installed app (build/bin launchers): the CLI in this process (installed-cli.ts), then exit. */
function runAsCli(args: string[]): void {
  const terminal = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  void runInstalledCli(args, {
    app,
    platform: process.platform,
    execPath: process.execPath,
    ...terminal,
    run: (cliArgs) =>
      runCli(
        cliArgs,
        () => new Core({ configDir: configDir(), secretStore: secretStore(), crash: crashHookFrom(process.env) }),
        terminal,
      ),
  });
}

function startApp(): void {
  const paths = appPaths(__dirname, process.platform, panelIsDark(process.platform, nativeTheme, process.env));
  const isAppPage = appPageMatcher(paths.page);

  if (!claimInstance(app, process.platform, process.env)) return;
  // A fresh machine has no config folder yet, and parts of the core expect it (lock and cache files open inside it).
  mkdirSync(configDir(), { recursive: true, mode: 0o700 });
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

  // The policies (main/electron): the window, the tray's status, what is said outside the window, the settings.
  const window = new AppWindow({
    create: () => new BrowserWindow(mainWindowOptions(paths.preload)),
    page: paths.page,
    closeBehaviour: closeBehaviour(process.platform, process.env),
  });
  // Every change (the window's, the tray's, a refresh's) lands in status.changed(): page, tray, notifications.
  const status = new TrayStatus({
    listProfiles: () => api.listProfiles(),
    pageChanged: () => window.send(CHANGED_CHANNEL),
    announce: stateAnnouncer(Notification),
    recent: new RecentProfilesFile(configDir(), logger),
  });
  const tell = noticeTeller(Notification, process.platform, () => status);
  // Managed login opens the system browser (Electron docs: shell.openExternal), never a window of ours.
  const api = createApi(core, tokenClipboard, {
    settings,
    changed: () => void status.changed(),
    copied: (profileId) => status.copied(profileId),
    openExternal: openInSystemBrowser,
  });
  const openSignIn = (profileId: string): void => window.ask(SIGN_IN_REQUESTED_CHANNEL, profileId);
  const listProfiles = (): Promise<ProfileView[]> => api.listProfiles();
  const applied = new AppliedSettings({
    clipboard: tokenClipboard,
    tray: status,
    loginItems: { platform: process.platform, app, env: process.env, execPath: process.execPath },
    globalShortcut,
    copyDefault: (profileId) => api.copyToken(profileId, 'access', 'raw'),
    openQuickCopy: () => window.ask(QUICK_COPY_REQUESTED_CHANNEL),
    tell,
  });
  const runTrayAction = trayActionRunner({
    showWindow: () => void window.show(),
    openSignIn,
    quit: () => app.quit(),
    copyToken: (profileId, kind, format) => api.copyToken(profileId, kind, format),
    refreshNow: (profileId) => api.refreshNow(profileId),
    nameOf: (profileId) => status.nameOf(profileId),
    clearSeconds: () => applied.current.clipboardClearSeconds,
    tell,
  });

  showOnReturn(app, () => void window.show());
  // `ctm login NAME` handed over by the installed CLI on Windows (sign-in-handoff.ts): the window's sign-in for it.
  app.on('second-instance', (_event, argv) => void openNamedSignIn(argv, listProfiles, openSignIn));
  window.followQuit(app);
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
    // The launcher inside the installed bundle (process.resourcesPath exists only in a packaged app).
    const installCli = (): void => void installCliFromMenu(execFile, dialog, join(process.resourcesPath, 'bin', 'ctm'));
    const menu = appMenuTemplate({ platform: process.platform, packaged: app.isPackaged, installCli });
    Menu.setApplicationMenu(menu ? Menu.buildFromTemplate(menu) : null);
    lockDownWebContents(app, session.defaultSession, isAppPage);
    registerHandlers(ipcMain, createIpcHandlers(api), isAppPage);
    // The window first: it shows "loading" and asks for the profiles itself, so a locked or slow keychain never delays it.
    window.show();
    const trayIcons = () =>
      appPaths(__dirname, process.platform, panelIsDark(process.platform, nativeTheme, process.env)).trayIcons;
    status.attach(
      startTray({
        Tray,
        buildMenu: (template) => Menu.buildFromTemplate(template),
        nativeTheme,
        platform: process.platform,
        icons: trayIcons,
        showWindow: () => void window.show(),
        run: (action) => void runTrayAction(action),
      }),
    );
    // A hand edit with a mistake while the app runs changes nothing; the log says why (settings are never secret).
    await applied.follow(settings, (why) => logger.warn('settings.json changed but was not applied', { why }));
    await status.changed();
    void openNamedSignIn(process.argv, listProfiles, openSignIn);
    // `npm run bench` (test/bench/electron) times launch to this point; nothing is printed otherwise.
    if (process.env.CTM_BENCH_READY === '1')
      process.stdout.write(`ctm-bench: tray-ready ${performance.now().toFixed(1)}\n`);
    // Tokens stay fresh on their own: restore and renew on start, then follow sleep, unlock, clock jumps and the network.
    core.scheduler.onChange(() => status.changedSoon());
    void core.scheduler.start().catch(() => undefined);
    watchSystemEvents({ powerMonitor, net, scheduler: core.scheduler });
    // Time left moves on its own: the tray is redrawn from what is known (no keychain read), and the menu is only
    // rebuilt when the minute shown changes.
    status.redrawEvery(30_000);
  });
}
