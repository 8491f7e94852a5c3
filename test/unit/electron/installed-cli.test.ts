import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInstalledCli } from '../../../main/electron/installed-cli.ts';
import { Recorder, StandInApp } from '../../support/electron-standin/standin-app.ts';

/** The installed app's CLI mode on the stand-in app (Electron stood in), with a fake ctm (`run`) and a recorded terminal. */
async function cliOn(
  platform: NodeJS.Platform,
  args: string[],
  run: (args: string[], userData: () => string | undefined) => Promise<number>,
  isTTY = false,
) {
  const recorder = new Recorder();
  const app = new StandInApp(recorder, { platform, wayland: false, signedBundle: true });
  const tempDir = mkdtempSync(join(tmpdir(), 'ctm-installed-cli-'));
  let stderr = '';
  const userData = () => recorder.find('app.setPath').at(-1)?.args[1] as string | undefined;
  const ran: string[][] = [];
  await runInstalledCli(args, {
    app,
    platform,
    execPath: 'C:\\Program Files\\Cognito Token Manager\\Cognito Token Manager.exe',
    stdin: { isTTY },
    stdout: { write: (_text, done) => done() },
    stderr: { write: (text) => void (stderr += text) },
    run: (cliArgs) => (ran.push(cliArgs), run(cliArgs, userData)),
    tempDir,
  });
  return { app, recorder, stderr, ran, tempDir, userData };
}

describe('ctm run by the installed app, with Electron as the stand-in', () => {
  it('runs ctm with its own throwaway Chromium data and no GPU, removes that data, and exits with ctm\u2019s code', async () => {
    let seenDuringRun = false;
    const cli = await cliOn('linux', ['token', 'dev'], async (_args, userData) => {
      seenDuringRun = existsSync(userData() ?? '');
      return 4;
    });
    expect(cli.ran).toEqual([['token', 'dev']]);
    expect(seenDuringRun).toBe(true);
    expect(cli.userData()).toMatch(/ctm-cli-/);
    expect(readdirSync(cli.tempDir)).toEqual([]);
    expect(cli.recorder.calls.map((c) => c.api)).toEqual([
      'app.setPath',
      'app.disableHardwareAcceleration',
      'app.exited',
    ]);
    expect(cli.app.exited).toBe(4);
  });

  it('a ctm that fails unexpectedly says so (no stack, no secret) and exits 1', async () => {
    const cli = await cliOn('darwin', ['status'], () => Promise.reject(new Error('token eyJ... in a stack')));
    expect(cli.stderr).toBe('ctm: unexpected failure\n');
    expect(cli.app.exited).toBe(1);
    expect(cli.recorder.find('app.dock.hide')).toHaveLength(1);
  });

  it('Windows without console input (a GUI executable, electron #21705): `ctm login NAME` goes to the window by relaunch', async () => {
    const cli = await cliOn('win32', ['login', 'my dev'], () => Promise.resolve(0));
    expect(cli.ran).toEqual([]);
    expect(cli.recorder.find('app.relaunch').map((c) => c.args[0])).toEqual([['--ctm-sign-in=my dev']]);
    expect(cli.app.exited).toBe(0);
    expect(cli.stderr).toMatch(/signing in to "my dev" continues in the Cognito Token Manager window/);
  });

  it('Windows with a console, or with piped input, runs ctm here', async () => {
    expect((await cliOn('win32', ['login', 'dev'], () => Promise.resolve(0), true)).ran).toEqual([['login', 'dev']]);
    const piped = await cliOn('win32', ['login', 'dev', '--password-stdin'], () => Promise.resolve(0));
    expect(piped.ran).toEqual([['login', 'dev', '--password-stdin']]);
    expect(piped.recorder.find('app.relaunch')).toEqual([]);
  });
});
