import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { profileSchema, type Profile } from './profile.ts';

/** The version this build writes; older files are migrated on read, newer ones are refused. */
export const CONFIG_VERSION = 2;

const configFileSchema = z
  .object({
    version: z.literal(CONFIG_VERSION),
    profiles: z.array(profileSchema),
  })
  .strict();

/** The profiles file as stored: `{ "version": 1, "profiles": [...] }`. */
export type ConfigFile = z.infer<typeof configFileSchema>;

/** A parsed file, and how many of its profiles had no id and were given one (the caller writes those back). */
export type ParsedConfigFile = ConfigFile & { idsAdded: number };

/** Why a file could not be read as our config. */
export class UnreadableConfigError extends Error {
  override readonly name: string = 'UnreadableConfigError';
}

/**
 * A file a person can repair by hand (a JSON syntax error, a bad field): the message says where ("line 3 column 5",
 * "profiles.2.region"), and the caller leaves the file where it is instead of moving it aside.
 */
export class RepairableConfigError extends UnreadableConfigError {
  override readonly name: string = 'RepairableConfigError';
}

/** The file was written by a newer version: it is left untouched and the app refuses to overwrite it. */
export class NewerConfigError extends Error {
  override readonly name: string = 'NewerConfigError';
}

/** Parses and migrates the text of a profiles file; throws UnreadableConfigError with the reason. */
export function parseConfigFile(text: string): ParsedConfigFile {
  const { value: migrated, idsAdded } = withIds(migrate(parseJson(text)));
  const result = configFileSchema.safeParse(migrated);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new RepairableConfigError(
      `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'does not match the schema'}`,
    );
  }
  const names = new Set<string>();
  for (const profile of result.data.profiles) {
    if (names.has(profile.name)) throw new RepairableConfigError(`two profiles are named "${profile.name}"`);
    names.add(profile.name);
  }
  return { ...result.data, idsAdded };
}

const envelopeSchema = z.object({ version: z.literal(CONFIG_VERSION), profiles: z.array(z.unknown()) }).strict();
/** Profiles validated between two yields to the event loop (about 5 ms of work). */
const SLICE = 100;

/**
 * The same as parseConfigFile, validating the profiles a slice at a time: with a thousand profiles, one synchronous
 * pass blocks the event loop (tray, timers, IPC) for a few hundred milliseconds on a busy machine.
 */
export async function parseConfigFileInSlices(text: string): Promise<ParsedConfigFile> {
  const { value, idsAdded } = withIds(migrate(parseJson(text)));
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    throw new RepairableConfigError(
      `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'does not match the schema'}`,
    );
  }
  const profiles: Profile[] = [];
  const names = new Set<string>();
  for (const [index, candidate] of envelope.data.profiles.entries()) {
    if (index > 0 && index % SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const result = profileSchema.safeParse(candidate);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new RepairableConfigError(
        `profiles.${index}.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'does not match the schema'}`,
      );
    }
    if (names.has(result.data.name)) throw new RepairableConfigError(`two profiles are named "${result.data.name}"`);
    names.add(result.data.name);
    profiles.push(result.data);
  }
  return { version: CONFIG_VERSION, profiles, idsAdded };
}

/**
 * (Exported for settings.json, read the same way.) JSON.parse with the place of a syntax error as a person finds it in an editor (V8 gives a character offset).
 * A BOM, as some Windows editors write, is allowed. Empty text is not repairable: there is nothing to fix.
 */
export function parseJson(text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new UnreadableConfigError('it is empty');
  try {
    return JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'not valid JSON';
    const offset = /at position (\d+)/.exec(message)?.[1];
    const at = offset === undefined ? body.length : Number(offset);
    const before = body.slice(0, at).split('\n');
    const reason = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/ \(line \d+ column \d+\)$/, '');
    throw new RepairableConfigError(
      `line ${before.length} column ${(before.at(-1)?.length ?? 0) + 1}: ${reason} (not valid JSON)`,
    );
  }
}

/** A profile added by hand without an id gets a fresh one, so its keychain entries have a key. */
function withIds(raw: unknown): { value: unknown; idsAdded: number } {
  const profiles = (raw as { profiles?: unknown } | null)?.profiles;
  if (!Array.isArray(profiles)) return { value: raw, idsAdded: 0 };
  let idsAdded = 0;
  const withId = profiles.map((profile: unknown) => {
    if (typeof profile !== 'object' || profile === null || Array.isArray(profile) || 'id' in profile) return profile;
    idsAdded += 1;
    return { id: randomUUID(), ...profile };
  });
  return { value: { ...(raw as object), profiles: withId }, idsAdded };
}

/** Serialises profiles in the current version. */
export function serializeConfigFile(profiles: readonly Profile[]): string {
  return `${JSON.stringify({ version: CONFIG_VERSION, profiles }, null, 2)}\n`;
}

/** Brings an older file up to CONFIG_VERSION, one step per version (version 0 was a bare array of profiles). */
function migrate(raw: unknown): unknown {
  let value = Array.isArray(raw) ? { version: 1, profiles: raw } : raw;
  if (typeof value !== 'object' || value === null) return value;
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > CONFIG_VERSION) {
    throw new NewerConfigError(
      `was written by a newer version of Cognito Token Manager (format ${version}); update the app to use it`,
    );
  }
  if (version === 1) value = fromVersion1(value as { profiles?: unknown });
  return value;
}

/**
 * Version 1 (0.1.0) wrote `refreshMethod: "REFRESH_TOKEN_AUTH"` into every profile as the default, so it cannot tell a
 * choice from the default; that method is refused by every rotation app client (AWS: rotation must be completed with
 * GetTokensFromRefreshToken). Such profiles move to "auto": GetTokensFromRefreshToken, which works with rotation on
 * and off, falling back to REFRESH_TOKEN_AUTH only where a server lacks the operation.
 */
function fromVersion1(file: { profiles?: unknown }): unknown {
  if (!Array.isArray(file.profiles)) return { ...file, version: 2 };
  const profiles = file.profiles.map((profile: unknown) => {
    if (
      typeof profile !== 'object' ||
      profile === null ||
      (profile as { refreshMethod?: unknown }).refreshMethod !== 'REFRESH_TOKEN_AUTH'
    )
      return profile;
    const { refreshMethod: _default, ...rest } = profile as Record<string, unknown>;
    return rest;
  });
  return { ...file, version: 2, profiles };
}
