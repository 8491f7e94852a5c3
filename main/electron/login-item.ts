import { rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { BadInputError } from '../core/errors.ts';
import { writeFileAtomic } from '../core/profiles/atomic-write.ts';

/** The part of Electron's app that login items use on macOS and Windows. */
export interface LoginItemApp {
  getLoginItemSettings(): { openAtLogin: boolean };
  setLoginItemSettings(settings: { openAtLogin: boolean }): void;
}

/** How the app was launched: packaged (electron-builder) or a development build run by Electron on its folder. */
export interface LaunchedApp {
  readonly isPackaged: boolean;
  getAppPath(): string;
}

/**
 * The command that starts this app at login: the installed app (the AppImage file itself when run from one, whose
 * mount point changes each run; AppImage runtime sets APPIMAGE); a development build needs its folder too.
 */
export function appCommand(app: LaunchedApp, execPath: string, env: NodeJS.ProcessEnv): string[] {
  return [env.APPIMAGE || execPath, ...(app.isPackaged ? [] : [app.getAppPath()])];
}

/** Where and what to start on Linux: the config home (XDG_CONFIG_HOME) and the command line of the installed app. */
export interface AutostartTarget {
  env: NodeJS.ProcessEnv;
  command: string[];
}

/** The autostart entry's file name: the app's id, so a system-wide entry of the same name is overridden, not doubled. */
export const AUTOSTART_FILE = 'cognito-token-manager.desktop';

/**
 * Turns "Start at login" on or off. macOS and Windows: Electron's login items. Linux: Electron's setLoginItemSettings
 * does nothing there (electron.d.ts marks it `@platform darwin,win32`), so the app writes or removes an entry in
 * $XDG_CONFIG_HOME/autostart, which desktops start at login (freedesktop.org Desktop Application Autostart Specification).
 */
export async function applyStartAtLogin(
  enabled: boolean,
  platform: NodeJS.Platform,
  app: LoginItemApp,
  target: AutostartTarget,
): Promise<void> {
  if (platform === 'darwin' || platform === 'win32') {
    if (app.getLoginItemSettings().openAtLogin !== enabled) app.setLoginItemSettings({ openAtLogin: enabled });
    return;
  }
  const file = autostartPath(target.env);
  if (enabled) await writeFileAtomic(file, autostartEntry(target.command), { durable: false });
  else await rm(file, { force: true });
}

/** The autostart entry's path: $XDG_CONFIG_HOME/autostart, ~/.config/autostart when unset or not absolute (XDG Base Directory spec). */
export function autostartPath(env: NodeJS.ProcessEnv): string {
  const configHome = env.XDG_CONFIG_HOME?.startsWith('/')
    ? env.XDG_CONFIG_HOME
    : join(env.HOME || homedir(), '.config');
  return join(configHome, 'autostart', AUTOSTART_FILE);
}

/** The entry: a Desktop Entry that starts the app, its command quoted as the Desktop Entry spec asks. */
export function autostartEntry(command: string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Cognito Token Manager',
    'Comment=Amazon Cognito user-pool tokens at hand',
    `Exec=${command.map(execArgument).join(' ')}`,
    'Icon=cognito-token-manager',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * One Exec argument (Desktop Entry spec, "The Exec key"): an argument with a reserved character is double-quoted, and
 * `"`, `` ` ``, `$` and `\` inside it are backslash-escaped; the key's value is a string, whose own escape rule then
 * doubles every backslash; a literal `%` is written `%%` (field codes start with `%`).
 */
export function execArgument(argument: string): string {
  // A line break cannot be written in a Desktop Entry value: refuse rather than start another program.
  if (/[\r\n]/.test(argument))
    throw new BadInputError('Start at login cannot name an app folder with a line break in it; move the app.');
  const quoted = /^[A-Za-z0-9_\-./:=+,@]+$/.test(argument) ? argument : `"${argument.replace(/["`$\\]/g, '\\$&')}"`;
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}
