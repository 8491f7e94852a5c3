import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BadInputError, ConfigError } from '../errors.ts';
import { writeFileAtomic } from '../profiles/atomic-write.ts';
import { appSettingsSchema, DEFAULT_SETTINGS, SETTINGS_VERSION, type AppSettings } from './app-settings.ts';

/** App settings in `<configDir>/settings.json` (`{ "version": 1, "settings": {...} }`), next to profiles.json. */
export class SettingsStore {
  readonly path: string;
  private readonly listeners = new Set<(settings: AppSettings) => void>();

  constructor(configDir: string) {
    this.path = join(configDir, 'settings.json');
  }

  /** The current settings; a missing, broken or newer file reads as the defaults (settings are never worth a crash). */
  async get(): Promise<AppSettings> {
    const file = await this.readFile();
    if (!file || file.version !== SETTINGS_VERSION) return { ...DEFAULT_SETTINGS };
    const merged = appSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(typeof file.settings === 'object' && file.settings !== null ? file.settings : {}) });
    return merged.success ? merged.data : { ...DEFAULT_SETTINGS };
  }

  /** Validates and stores changes; throws BadInputError naming each bad field. Refuses to overwrite a newer file. */
  async update(changes: Partial<AppSettings>): Promise<AppSettings> {
    const file = await this.readFile();
    if (file && typeof file.version === 'number' && file.version > SETTINGS_VERSION) {
      throw new ConfigError(`${this.path} was written by a newer version of Cognito Token Manager; update the app to change settings.`);
    }
    const parsed = appSettingsSchema.safeParse({ ...(await this.get()), ...changes });
    if (!parsed.success) throw new BadInputError(`Invalid settings: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    try {
      await writeFileAtomic(this.path, `${JSON.stringify({ version: SETTINGS_VERSION, settings: parsed.data }, null, 2)}\n`);
    } catch (error) {
      throw new ConfigError(`Could not write ${this.path}: ${(error as NodeJS.ErrnoException).code ?? 'write failed'}.`, { cause: error });
    }
    for (const listener of this.listeners) listener(parsed.data);
    return parsed.data;
  }

  /** Calls `listener` after every successful update (main re-applies the shortcut, login item and clipboard time). */
  onChange(listener: (settings: AppSettings) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private async readFile(): Promise<{ version?: unknown; settings?: unknown } | undefined> {
    try {
      const value = JSON.parse(await readFile(this.path, 'utf8')) as unknown;
      return typeof value === 'object' && value !== null ? (value as { version?: unknown; settings?: unknown }) : undefined;
    } catch {
      return undefined;
    }
  }
}
