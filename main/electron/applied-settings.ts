import type { GlobalShortcut } from 'electron';
import { DEFAULT_SETTINGS, type AppSettings } from '../core/settings/app-settings.ts';
import { addGlobalShortcut, applyGlobalShortcut, refusedShortcutNotice } from './global-shortcut.ts';
import { appCommand, applyStartAtLogin, type LaunchedApp, type LoginItemApp } from './login-item.ts';
import type { Tell } from './notice-delivery.ts';
import { watchSettingsFile, type SettingsWatch } from './settings-watch.ts';
import { failedNotice } from './tray-feedback.ts';

/** Where "Start at login" goes: the platform, Electron's app (login items; how the app was launched) and the environment. */
export interface LoginItemParts {
  platform: NodeJS.Platform;
  app: LoginItemApp & LaunchedApp;
  env: NodeJS.ProcessEnv;
  execPath: string;
}

/** Where the settings are kept (SettingsStore): read once, then heard on every change. */
export interface SettingsSource {
  /** The settings file, watched for writes by another process (watchSettingsFile). */
  readonly path: string;
  get(): Promise<AppSettings>;
  onChange(listener: (settings: AppSettings) => void): unknown;
}

/** What the settings reach on the desktop, each a piece of Electron or a function of the core. */
export interface AppliedSettingsParts {
  /** The token clipboard's clear time. */
  clipboard: { setClearAfter(ms: number): void };
  /** The tray's first item: the default profile and its shortcut (TrayStatus). */
  tray: { setDefault(defaultProfileId: string, shortcut: string): void };
  loginItems: LoginItemParts;
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregisterAll'>;
  /** Copies a profile's access token as it is (the global shortcut's action: Api.copyToken(id, 'access', 'raw')). */
  copyDefault: (profileId: string) => Promise<void>;
  /** Brings the window up with the quick-copy palette open. */
  openQuickCopy: () => void;
  tell: Tell;
}

/**
 * The settings as applied to the desktop, at start and on every change: the clipboard's clear time, the tray's default
 * profile, start at login (login items, or an XDG autostart entry on Linux), the global shortcut (copies the default
 * profile's access token) and the quick-copy shortcut. What cannot be applied is said, a refused shortcut once.
 */
export class AppliedSettings {
  private readonly parts: AppliedSettingsParts;
  private settings: AppSettings = DEFAULT_SETTINGS;
  private refused: string[] = [];

  constructor(parts: AppliedSettingsParts) {
    this.parts = parts;
  }

  /** The settings last applied (the defaults before the first). */
  get current(): AppSettings {
    return this.settings;
  }

  /**
   * Applies the stored settings now and on every change: the window's Settings (through the store), and `ctm settings`
   * or a hand edit while the app runs (the file, watched). Settles once the first are applied to the tray and
   * shortcuts (start at login may still be writing). A written file that cannot be used is reported to `onIgnored`
   * and changes nothing. Answers the watch, to stop it.
   */
  async follow(source: SettingsSource, onIgnored?: (why: string) => void): Promise<SettingsWatch> {
    source.onChange((settings) => void this.apply(settings));
    // The store's own writes are heard again through the file: only what differs from the applied settings is applied.
    const watching = watchSettingsFile(
      source.path,
      (settings) => {
        if (!sameSettings(settings, this.settings)) void this.apply(settings);
      },
      undefined,
      onIgnored,
    );
    void this.apply(await source.get());
    return watching;
  }

  /** Applies `settings`; settles once start at login is written (or its failure said). */
  apply(settings: AppSettings): Promise<void> {
    const { clipboard, tray, globalShortcut, tell } = this.parts;
    this.settings = settings;
    tray.setDefault(settings.defaultProfileId, settings.globalShortcut);
    clipboard.setClearAfter(settings.clipboardClearSeconds * 1000);
    const atLogin = this.applyStartAtLogin(settings.startAtLogin);
    const shortcut = applyGlobalShortcut(globalShortcut, settings.globalShortcut, () => {
      if (settings.defaultProfileId)
        void this.parts
          .copyDefault(settings.defaultProfileId)
          .catch((error: unknown) => tell(failedNotice('Copying the token', error)));
    });
    // The quick-copy palette (issue 24): the window comes up with the palette open, as 1Password's Quick Access.
    const palette = addGlobalShortcut(globalShortcut, settings.quickCopyShortcut, this.parts.openQuickCopy);
    const refused = [
      shortcut === 'refused' ? settings.globalShortcut : '',
      palette === 'refused' ? settings.quickCopyShortcut : '',
    ].filter(Boolean);
    // Said once per refused combination, not on every later settings change.
    for (const accelerator of refused)
      if (!this.refused.includes(accelerator)) tell(refusedShortcutNotice(accelerator));
    this.refused = refused;
    return atLogin;
  }

  private applyStartAtLogin(enabled: boolean): Promise<void> {
    const { platform, app, env, execPath } = this.parts.loginItems;
    return applyStartAtLogin(enabled, platform, app, { env, command: appCommand(app, execPath, env) }).catch(
      (error: unknown) => this.parts.tell(failedNotice('Start at login', error)),
    );
  }
}

/** Whether two settings are the same, setting by setting. */
function sameSettings(a: AppSettings, b: AppSettings): boolean {
  return (Object.keys(DEFAULT_SETTINGS) as (keyof AppSettings)[]).every((key) => a[key] === b[key]);
}
