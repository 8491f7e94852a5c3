import { z } from 'zod';
import { parseJson, RepairableConfigError, UnreadableConfigError } from '../profiles/config-file.ts';
import { appSettingsSchema, DEFAULT_SETTINGS, SETTINGS_VERSION, type AppSettings } from './app-settings.ts';

/** settings.json as written: `{ "version": 1, "settings": { ... } }`; every setting may be left out (its default). */
const settingsFileSchema = z
  .object({ version: z.literal(SETTINGS_VERSION), settings: appSettingsSchema.partial() })
  .strict();

/** A settings file written by a newer version: read as the defaults, never overwritten. */
export class NewerSettingsError extends Error {
  override readonly name: string = 'NewerSettingsError';
}

/**
 * Parses settings.json's text as profiles.json is parsed: a JSON syntax error says its line and column, a bad field
 * its path ("settings.clipboardClearSeconds: at least 5 seconds"), and both are RepairableConfigError (the file stays
 * for the person to fix); empty text is UnreadableConfigError. A file in another shape says what the shape is.
 */
export function parseSettingsFile(text: string): AppSettings {
  const raw = parseJson(text);
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > SETTINGS_VERSION)
    throw new NewerSettingsError('was written by a newer version of Cognito Token Manager');
  const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  if (!isObject || !('settings' in raw)) {
    throw new RepairableConfigError(
      `expected {"version": ${SETTINGS_VERSION}, "settings": {"clipboardClearSeconds": 60, ...}}; the settings go inside "settings"`,
    );
  }
  const result = settingsFileSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || 'file';
    const known = issue?.code === 'unrecognized_keys' ? ` (known: ${Object.keys(DEFAULT_SETTINGS).join(', ')})` : '';
    throw new RepairableConfigError(`${where}: ${issue?.message ?? 'does not match the schema'}${known}`);
  }
  return { ...DEFAULT_SETTINGS, ...stripUndefined(result.data.settings) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export { RepairableConfigError, UnreadableConfigError };
