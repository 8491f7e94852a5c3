import { readFile, rename } from 'node:fs/promises';
import { BadInputError, ConfigError } from '../errors.ts';
import { writeFileAtomic } from '../profiles/atomic-write.ts';
import { settingsPath } from '../profiles/config-dir.ts';
import { decodeText } from '../profiles/profile-store.ts';
import { markValidated } from '../profiles/validated-marker.ts';
import { appSettingsSchema, DEFAULT_SETTINGS, SETTINGS_VERSION, type AppSettings } from './app-settings.ts';
import {
  NewerSettingsError,
  parseSettingsFile,
  RepairableConfigError,
  UnreadableConfigError,
} from './settings-file.ts';

/** The settings, and why the file could not be used as it is (the defaults stand in meanwhile). */
export interface SettingsReading {
  settings: AppSettings;
  /** A hand edit to fix ("…settings.json line 3 column 5: …; fix it in a text editor"), a newer file, or where a broken one went. */
  problem?: string;
  /** True when the file must not be written over (a repairable or a newer one). */
  keep: boolean;
}

/** App settings in `<configDir>/settings.json` (`{ "version": 1, "settings": {...} }`), next to profiles.json. */
export class SettingsStore {
  readonly path: string;
  private readonly listeners = new Set<(settings: AppSettings) => void>();
  private readonly now: () => Date;

  constructor(configDir: string, now: () => Date = () => new Date()) {
    this.path = settingsPath(configDir);
    this.now = now;
  }

  /** The current settings; a file that cannot be used reads as the defaults (settings are never worth a crash). */
  async get(): Promise<AppSettings> {
    return (await this.read()).settings;
  }

  /**
   * The settings and what is wrong with the file, read as profiles.json is: a hand edit gone wrong (JSON syntax: its
   * line and column; a bad field: its path) is reported and left where it is; a file no editor can repair (not UTF-8,
   * binary, empty) is moved aside as settings.json.broken-<time>; a newer version's file is left alone.
   */
  async read(): Promise<SettingsReading> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: { ...DEFAULT_SETTINGS }, keep: false };
      return {
        settings: { ...DEFAULT_SETTINGS },
        problem: `Could not read ${this.path}: ${(error as NodeJS.ErrnoException).code ?? 'read failed'}.`,
        keep: true,
      };
    }
    try {
      const text = decodeText(bytes);
      const settings = parseSettingsFile(text);
      // The cached `ctm token` may then take the default profile from this text without the validator.
      await markValidated(this.path, text);
      return { settings, keep: false };
    } catch (error) {
      if (error instanceof NewerSettingsError)
        return {
          settings: { ...DEFAULT_SETTINGS },
          problem: `${this.path} ${error.message}; the defaults are used and it is left as it is.`,
          keep: true,
        };
      if (error instanceof RepairableConfigError)
        return {
          settings: { ...DEFAULT_SETTINGS },
          problem: `${this.path} ${error.message}. Fix it in a text editor (it was left as it is; the defaults are used meanwhile).`,
          keep: true,
        };
      if (!(error instanceof UnreadableConfigError)) throw error;
      const movedTo = `${this.path}.broken-${this.now().toISOString().replace(/[:.]/g, '-')}`;
      await rename(this.path, movedTo).catch(() => undefined);
      return {
        settings: { ...DEFAULT_SETTINGS },
        problem: `${this.path} was unreadable (${error.message}); it was moved to ${movedTo}.`,
        keep: false,
      };
    }
  }

  /** Validates and stores changes; throws BadInputError naming each bad field. Never writes over a file to fix or a newer one. */
  async update(changes: Partial<AppSettings>): Promise<AppSettings> {
    const current = await this.read();
    if (current.keep) throw new ConfigError(current.problem ?? `${this.path} cannot be changed now.`);
    const parsed = appSettingsSchema.safeParse({ ...current.settings, ...changes });
    if (!parsed.success)
      throw new BadInputError(`Invalid settings: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    try {
      const text = `${JSON.stringify({ version: SETTINGS_VERSION, settings: parsed.data }, null, 2)}\n`;
      await writeFileAtomic(this.path, text);
      await markValidated(this.path, text);
    } catch (error) {
      throw new ConfigError(
        `Could not write ${this.path}: ${(error as NodeJS.ErrnoException).code ?? 'write failed'}.`,
        { cause: error },
      );
    }
    for (const listener of this.listeners) listener(parsed.data);
    return parsed.data;
  }

  /** Calls `listener` after every successful update (main re-applies the shortcut, login item and clipboard time). */
  onChange(listener: (settings: AppSettings) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}
