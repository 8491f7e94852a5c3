import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  installCliFromMenu,
  macCliInstallArgs,
  MAC_CLI_TAKEN_EXIT,
  type ExecFile,
} from '../../../main/electron/install-cli.ts';
import { standInElectron } from '../../support/electron-standin/standin-electron.ts';

/** The shell command osascript would run (AppleScript's escapes undone), run by sh here; BSD `ln -h` is GNU `ln -n`. */
function runInstall(launcher: string, link: string): ReturnType<typeof spawnSync> {
  return runScript(macCliInstallArgs(launcher, link)[1] ?? '');
}
function runScript(script: string): ReturnType<typeof spawnSync> {
  const shell = (/^do shell script "(.*)" with administrator privileges$/.exec(script)?.[1] ?? '').replace(
    /\\(["\\])/g,
    '$1',
  );
  return spawnSync('sh', ['-c', shell.replace('ln -sfh ', 'ln -sfn ')], { encoding: 'utf8' });
}

describe("macCliInstallArgs: the macOS menu's Install 'ctm' Command", () => {
  it('links the launcher into /usr/local/bin with the administrator prompt, with ln -sfh', () => {
    const [flag, script] = macCliInstallArgs('/Applications/Cognito Token Manager.app/Contents/Resources/bin/ctm');
    expect(flag).toBe('-e');
    expect(script).toMatch(
      /^do shell script "mkdir -p '\/usr\/local\/bin' && .* && ln -sfh '\/Applications\/Cognito Token Manager.app\/Contents\/Resources\/bin\/ctm' '\/usr\/local\/bin\/ctm'" with administrator privileges$/,
    );
  });

  it("quotes a path with quotes and backslashes so the shell gets it verbatim (run by sh here; AppleScript's escapes undone first)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctm-link-'));
    const launcher = `/Users/o'brien/Apps/"Tokens"\\/ctm`;
    expect(runInstall(launcher, join(dir, 'bin/ctm')).status).toBe(0);
    expect(readlinkSync(join(dir, 'bin/ctm'))).toBe(launcher);
  });

  it('a planted link to a folder stays unfollowed: nothing is written inside the folder (exit 3)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctm-link-'));
    mkdirSync(join(dir, 'bin'));
    mkdirSync(join(dir, 'victim'));
    symlinkSync(join(dir, 'victim'), join(dir, 'bin/ctm'));
    const run = runInstall('/Applications/A.app/Contents/Resources/bin/ctm', join(dir, 'bin/ctm'));
    expect(run.status).toBe(MAC_CLI_TAKEN_EXIT);
    expect(existsSync(join(dir, 'victim/ctm'))).toBe(false);
  });

  it('a planted link to a folder that looks like a launcher is replaced, not followed (ln -h; without it root writes inside the folder)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctm-link-'));
    const victim = join(dir, 'Evil.app/Contents/Resources/bin/ctm');
    mkdirSync(victim, { recursive: true });
    mkdirSync(join(dir, 'bin'));
    symlinkSync(victim, join(dir, 'bin/ctm'));
    expect(runInstall('/Applications/A.app/Contents/Resources/bin/ctm', join(dir, 'bin/ctm')).status).toBe(0);
    expect(existsSync(join(victim, 'ctm'))).toBe(false);
    expect(readlinkSync(join(dir, 'bin/ctm'))).toBe('/Applications/A.app/Contents/Resources/bin/ctm');
  });

  it('a ctm that is not a link to an app launcher stays, and the install says so (exit 3)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctm-link-'));
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'bin/ctm'), '#!/bin/sh\necho mine\n');
    const run = runInstall('/Applications/A.app/Contents/Resources/bin/ctm', join(dir, 'bin/ctm'));
    expect(run.status).toBe(MAC_CLI_TAKEN_EXIT);
    expect(run.stderr).toMatch(/another ctm is already at /);
    expect(readFileSync(join(dir, 'bin/ctm'), 'utf8')).toContain('echo mine');
  });

  it("an earlier link to an app's launcher (the app was moved or reinstalled) is replaced", () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctm-link-'));
    mkdirSync(join(dir, 'bin'));
    symlinkSync('/Volumes/Old/Cognito Token Manager.app/Contents/Resources/bin/ctm', join(dir, 'bin/ctm'));
    expect(runInstall('/Applications/New.app/Contents/Resources/bin/ctm', join(dir, 'bin/ctm')).status).toBe(0);
    expect(lstatSync(join(dir, 'bin/ctm')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'bin/ctm'))).toBe('/Applications/New.app/Contents/Resources/bin/ctm');
  });
});

/**
 * osascript played by sh (there is no osascript here): `do shell script` fails with the command's stderr in its message
 * ("execution error: ... (3)"), which node's execFile reports as an Error whose message ends with what was printed.
 */
const osascriptBySh: ExecFile = (_file, args, callback) => {
  const run = runScript(args[1] ?? '');
  callback(run.status === 0 ? null : new Error(`Command failed: osascript\n${String(run.stderr)}`));
  return undefined;
};

describe("the macOS menu's Install 'ctm' Command, with Electron's dialog as the stand-in and osascript played by sh", () => {
  it('says where ctm was installed and how to try it', async () => {
    const standIn = standInElectron();
    const link = join(mkdtempSync(join(tmpdir(), 'ctm-link-')), 'bin/ctm');
    await installCliFromMenu(
      osascriptBySh,
      standIn.electron.dialog,
      '/Applications/A.app/Contents/Resources/bin/ctm',
      link,
    );
    expect(readlinkSync(link)).toBe('/Applications/A.app/Contents/Resources/bin/ctm');
    expect(standIn.recorder.find('dialog.showMessageBox').map((c) => c.args[0])).toEqual([
      { type: 'info', message: `'ctm' is installed at ${link}.`, detail: 'Open a new terminal and run: ctm --help' },
    ]);
  });

  it('names the other ctm in the way, which stays; a cancelled prompt says so', async () => {
    const standIn = standInElectron();
    const dir = mkdtempSync(join(tmpdir(), 'ctm-link-'));
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'bin/ctm'), '#!/bin/sh\necho mine\n');
    await installCliFromMenu(
      osascriptBySh,
      standIn.electron.dialog,
      '/Applications/A.app/Contents/Resources/bin/ctm',
      join(dir, 'bin/ctm'),
    );
    const cancelled: ExecFile = (_file, _args, callback) => (callback(new Error('User canceled. (-128)')), undefined);
    await installCliFromMenu(cancelled, standIn.electron.dialog, '/Applications/A.app/Contents/Resources/bin/ctm');
    expect(standIn.recorder.find('dialog.showMessageBox').map((c) => c.args[0])).toEqual([
      {
        type: 'error',
        message: "The 'ctm' command was not installed.",
        detail: `Another 'ctm' is already at ${join(dir, 'bin/ctm')}; it was left alone. Remove it first, then try again.`,
      },
      {
        type: 'error',
        message: "The 'ctm' command was not installed.",
        detail: 'The administrator prompt was cancelled or failed.',
      },
    ]);
    expect(readFileSync(join(dir, 'bin/ctm'), 'utf8')).toContain('echo mine');
  });
});
