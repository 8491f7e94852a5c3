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

const envelopeSchema = z.object({ version: z.literal(CONFIG_VERSION), profiles: z.array(z.unknown()) }).strict();
/** Profiles validated between two yields to the event loop (about 5 ms of work). */
const SLICE = 100;

/**
 * The same as parseConfigFile, validating the profiles a slice at a time: with a thousand profiles, one synchronous
 * pass blocks the event loop (tray, timers, IPC) for a few hundred milliseconds on a busy machine.
 */
export async function parseConfigFileInSlices(text: string): Promise<ConfigFile> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UnreadableConfigError('it is not valid JSON');
  }
  const envelope = envelopeSchema.safeParse(migrate(raw));
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    throw new UnreadableConfigError(`${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'does not match the schema'}`);
  }
  const profiles: Profile[] = [];
  const names = new Set<string>();
  for (const [index, candidate] of envelope.data.profiles.entries()) {
    if (index > 0 && index % SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const result = profileSchema.safeParse(candidate);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new UnreadableConfigError(`profiles.${index}.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'does not match the schema'}`);
    }
    if (names.has(result.data.name)) throw new UnreadableConfigError(`two profiles are named "${result.data.name}"`);
    names.add(result.data.name);
    profiles.push(result.data);
  }
  return { version: CONFIG_VERSION, profiles };
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
