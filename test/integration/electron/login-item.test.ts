import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyStartAtLogin, autostartEntry, autostartPath, execArgument } from '../../../main/electron/login-item.ts';
import { Recorder, StandInApp } from '../../support/electron-standin/standin-app.ts';
import { hasCommand, systemComponent } from '../../support/system-components.ts';

const HAS_VALIDATOR = systemComponent(
  'desktop-file-validate',
  hasCommand('desktop-file-validate'),
  'apt-get install desktop-file-utils',
);

/** What a desktop's launcher makes of an Exec value: the spec's string unescaping, then its argument quoting (as GLib's g_shell_parse_argv does for these characters). */
function parseExec(value: string): string[] {
  const unescaped = value.replace(/%%/g, '%').replace(/\\\\/g, '\\');
  const run = spawnSync('sh', ['-c', `for a in ${unescaped}; do printf '%s\\0' "$a"; done`], { encoding: 'utf8' });
  return run.stdout.split('\0').slice(0, -1);
}

describe('Start at login on the stand-in app (Electron stood in)', () => {
  it('Linux: setLoginItemSettings does nothing, so the entry is a file in $XDG_CONFIG_HOME/autostart, written and removed', async () => {
    const app = new StandInApp(new Recorder(), { platform: 'linux', wayland: false, signedBundle: true });
    const home = mkdtempSync(join(tmpdir(), 'ctm-autostart-'));
    const target = { env: { HOME: home }, command: ['/opt/Cognito Token Manager/cognito-token-manager'] };
    await applyStartAtLogin(true, 'linux', app, target);
    expect(app.getLoginItemSettings().openAtLogin).toBe(false);
    expect(readFileSync(join(home, '.config/autostart/cognito-token-manager.desktop'), 'utf8')).toContain(
      'Exec="/opt/Cognito Token Manager/cognito-token-manager"\n',
    );
    await applyStartAtLogin(false, 'linux', app, target);
    expect(existsSync(join(home, '.config/autostart/cognito-token-manager.desktop'))).toBe(false);
    await applyStartAtLogin(false, 'linux', app, target);
  });

  it('macOS and Windows: Electron login items, changed only when they differ', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const recorder = new Recorder();
      const app = new StandInApp(recorder, { platform, wayland: false, signedBundle: true });
      await applyStartAtLogin(true, platform, app, { env: {}, command: [] });
      await applyStartAtLogin(true, platform, app, { env: {}, command: [] });
      expect(app.getLoginItemSettings().openAtLogin).toBe(true);
      expect(recorder.find('app.setLoginItemSettings')).toHaveLength(1);
    }
  });

  it('takes XDG_CONFIG_HOME only when absolute (XDG Base Directory spec)', () => {
    expect(autostartPath({ HOME: '/home/u', XDG_CONFIG_HOME: '/cfg' })).toBe(
      '/cfg/autostart/cognito-token-manager.desktop',
    );
    expect(autostartPath({ HOME: '/home/u', XDG_CONFIG_HOME: 'relative' })).toBe(
      '/home/u/.config/autostart/cognito-token-manager.desktop',
    );
  });
});

describe('the autostart entry and its Exec quoting (Desktop Entry spec)', () => {
  it('keeps odd folder names one argument each: spaces, quotes, $, backticks, backslashes and %', () => {
    const odd = [`/home/o'brien/My "Apps"/$HOME/\`id\`/back\\slash/100%/Cognito Token Manager.AppImage`, '--flag'];
    const exec = /^Exec=(.*)$/m.exec(autostartEntry(odd))?.[1] ?? '';
    expect(exec).not.toContain('\n');
    expect(parseExec(exec)).toEqual(odd);
  });

  it('refuses a line break rather than write a second key', () => {
    expect(() => execArgument('/opt/a\nExec=/bin/evil')).toThrow(/line break/);
  });

  it.skipIf(!HAS_VALIDATOR)('is a valid desktop entry (desktop-file-validate)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ctm-autostart-')), 'cognito-token-manager.desktop');
    writeFileSync(file, autostartEntry(['/opt/Cognito Token Manager/cognito-token-manager', '--x=1']));
    const run = spawnSync('desktop-file-validate', [file], { encoding: 'utf8' });
    expect(`${run.stdout}${run.stderr}`.trim()).toBe('');
    expect(run.status).toBe(0);
  });
});
