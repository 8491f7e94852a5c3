import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { macCliInstallArgs } from '../../../main/electron/install-cli.ts';

describe("macCliInstallArgs: the macOS menu's Install 'ctm' Command", () => {
  it('links the launcher into /usr/local/bin with the administrator prompt', () => {
    expect(macCliInstallArgs('/Applications/Cognito Token Manager.app/Contents/Resources/bin/ctm')).toEqual([
      '-e',
      `do shell script "mkdir -p '/usr/local/bin' && ln -sf '/Applications/Cognito Token Manager.app/Contents/Resources/bin/ctm' '/usr/local/bin/ctm'" with administrator privileges`,
    ]);
  });

  it("quotes a path with quotes and backslashes so the shell gets it verbatim (run by sh here; AppleScript's escapes undone first)", () => {
    const launcher = `/Users/o'brien/Apps/"Tokens"\\/ctm`;
    const script = macCliInstallArgs(launcher, '/tmp/ctm-link-test/ctm')[1] ?? '';
    const shell = (/^do shell script "(.*)" with administrator privileges$/.exec(script)?.[1] ?? '').replace(/\\(["\\])/g, '$1');
    const run = spawnSync('sh', ['-c', shell.replace('ln -sf', 'printf %s')], { encoding: 'utf8' });
    expect(run.stdout).toBe(`${launcher}/tmp/ctm-link-test/ctm`);
  });
});
