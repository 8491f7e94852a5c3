import { z } from 'zod';
import { profileSchema, type Profile } from './profile.ts';

/** The version this build writes; older files are migrated on read, newer ones are refused. */
export const CONFIG_VERSION = 1;

const configFileSchema = z.object({
  version: z.literal(CONFIG_VERSION),
  profiles: z.array(profileSchema),
}).strict();

/** The profiles file as stored: `{ "version": 1, "profiles": [...] }`. */
export type ConfigFile = z.infer<typeof configFileSchema>;

/** Why a file could not be read as our config; the caller moves it aside. */
export class UnreadableConfigError extends Error {}

/** The file was written by a newer version: it is left untouched and the app refuses to overwrite it. */
export class NewerConfigError extends Error {}

/** Parses and migrates the text of a profiles file; throws UnreadableConfigError with the reason. */
export function parseConfigFile(text: string): ConfigFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UnreadableConfigError('it is not valid JSON');
  }
  const migrated = migrate(raw);
  const result = configFileSchema.safeParse(migrated);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UnreadableConfigError(`${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'does not match the schema'}`);
  }
  const names = new Set<string>();
  for (const profile of result.data.profiles) {
    if (names.has(profile.name)) throw new UnreadableConfigError(`two profiles are named "${profile.name}"`);
    names.add(profile.name);
  }
  return result.data;
}

/** Serialises profiles in the current version. */
export function serializeConfigFile(profiles: readonly Profile[]): string {
  return `${JSON.stringify({ version: CONFIG_VERSION, profiles }, null, 2)}\n`;
}

/** Brings an older file up to CONFIG_VERSION, one step per version (version 0 was a bare array of profiles). */
function migrate(raw: unknown): unknown {
  if (Array.isArray(raw)) return { version: 1, profiles: raw };
  if (typeof raw === 'object' && raw !== null) {
    const version = (raw as { version?: unknown }).version;
    if (typeof version === 'number' && version > CONFIG_VERSION) {
      throw new NewerConfigError(`was written by a newer version of Cognito Token Manager (format ${version}); update the app to use it`);
    }
  }
  return raw;
}
