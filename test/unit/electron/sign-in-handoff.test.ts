import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { AppWindow } from '../../../main/electron/app-window.ts';
import { mainWindowOptions } from '../../../main/electron/main-window.ts';
import { openNamedSignIn, signInHandOff, signInRequestFrom } from '../../../main/electron/sign-in-handoff.ts';
import { SIGN_IN_REQUESTED_CHANNEL } from '../../../main/ipc/contract.ts';
import { profileView, settled } from '../../support/electron-standin/policy-kit.ts';
import { standInElectron } from '../../support/electron-standin/standin-electron.ts';

describe('handing `ctm login` to the window where the installed CLI has no console input (Windows GUI executable)', () => {
  it('Windows, no console: login NAME goes to the window', () => {
    expect(signInHandOff(['login', 'my dev'], 'win32', false)).toBe('my dev');
    expect(signInHandOff(['login', 'dev', '--username', 'alice'], 'win32', false)).toBe('dev');
  });

  it('stays in the command line with piped input, help, no profile name, a console, or elsewhere', () => {
    expect(signInHandOff(['login', 'dev', '--password-stdin'], 'win32', false)).toBeUndefined();
    expect(signInHandOff(['login', 'dev', '--help'], 'win32', false)).toBeUndefined();
    expect(signInHandOff(['login'], 'win32', false)).toBeUndefined();
    expect(signInHandOff(['login', '--username', 'x'], 'win32', false)).toBeUndefined();
    expect(signInHandOff(['token', 'dev'], 'win32', false)).toBeUndefined();
    expect(signInHandOff(['login', 'dev'], 'win32', true)).toBeUndefined();
    expect(signInHandOff(['login', 'dev'], 'linux', false)).toBeUndefined();
  });

  it('reads the request from one argument wherever Chromium put it, and nothing from a bare switch', () => {
    expect(signInRequestFrom(['app.exe', '--allow-file-access', '--ctm-sign-in=my dev'])).toBe('my dev');
    expect(signInRequestFrom(['app.exe', '--ctm-sign-in='])).toBeUndefined();
    expect(signInRequestFrom(['app.exe', '--ctm-sign-in', 'dev'])).toBeUndefined();
  });
});

describe("the window's sign-in for a handed-over `ctm login NAME`, with Electron as the stand-in", () => {
  function appOn(listProfiles: () => Promise<{ id: string; name: string }[]>) {
    const standIn = standInElectron();
    const window = new AppWindow({
      create: () => new standIn.electron.BrowserWindow(mainWindowOptions('preload.cjs')),
      page: fileURLToPath(import.meta.url),
      closeBehaviour: 'hide',
    });
    const open = (argv: string[]) =>
      openNamedSignIn(argv, listProfiles, (profileId) => window.ask(SIGN_IN_REQUESTED_CHANNEL, profileId));
    const sent = () => standIn.recorder.find('webContents.send').map((c) => c.args);
    return { ...standIn, open, sent };
  }

  it("a second launch with --ctm-sign-in=NAME opens that profile's sign-in once the page has loaded", async () => {
    const app = appOn(async () => [profileView('dev', 'fresh', 30), profileView('my prod', 'needs-sign-in')]);
    app.app.on('second-instance', (_event: unknown, argv: string[]) => void app.open(argv));
    app.app.launchAgain(['ctm-app', '--flag', '--ctm-sign-in=my prod']);
    await settled();
    await settled();
    expect(app.sent()).toEqual([[SIGN_IN_REQUESTED_CHANNEL, 'id-my prod']]);
  });

  it('opens nothing for a launch without the switch, a name no profile has, or profiles that cannot be read', async () => {
    const app = appOn(async () => [profileView('dev', 'fresh', 30)]);
    await app.open(['ctm-app']);
    await app.open(['ctm-app', '--ctm-sign-in=prod']);
    await appOn(() => Promise.reject(new Error('locked'))).open(['ctm-app', '--ctm-sign-in=dev']);
    await settled();
    expect(app.windows()).toEqual([]);
  });
});
