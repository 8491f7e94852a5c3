import { chmod, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, NotFoundError, BadInputError } from '../errors.ts';
import { writeFileAtomic } from './atomic-write.ts';
import {
  NewerConfigError,
  parseConfigFileInSlices,
  RepairableConfigError,
  serializeConfigFile,
  UnreadableConfigError,
} from './config-file.ts';
import { withFileLock } from './file-lock.ts';
import { parseProfileFields, type Profile } from './profile.ts';
import { newProfileId, type ProfileId } from './profile-id.ts';
import { profileNamedBy, type ProfileRef } from './profile-ref.ts';
import { markValidated } from './validated-marker.ts';

/** What happened to a profiles file that could not be read: where it was moved and why. */
export interface ConfigRecovery {
  movedTo: string;
  reason: string;
}

/** Told with the new list after this store changed the profiles file. */
export type ProfilesListener = (profiles: readonly Profile[]) => void;

/** Profiles in `<configDir>/profiles.json`: validated, written atomically under a lock, never holding a secret. */
export class ProfileStore {
  readonly path: string;
  /** Set when the last load found a broken file and moved it aside. */
  lastRecovery: ConfigRecovery | undefined;
  private readonly now: () => Date;
  private readonly listeners = new Set<ProfilesListener>();
  /** The last parse, reused while the file's inode, size and mtime are unchanged (every atomic write makes a new inode). */
  private parsed: { key: string; profiles: Profile[] } | undefined;

  constructor(configDir: string, now: () => Date = () => new Date()) {
    this.path = join(configDir, 'profiles.json');
    this.now = now;
  }

  /** Subscribes to changes made through this store (add, update, remove); returns the unsubscribe. */
  onChange(listener: ProfilesListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every profile, in the order they were added. A broken file is moved aside (see lastRecovery) and reads as empty. */
  async list(): Promise<Profile[]> {
    return this.read();
  }

  /** The one resolver of what a person typed: the profile with this name, else with this id. */
  async resolve(ref: ProfileRef): Promise<Profile> {
    const profile = profileNamedBy(await this.read(), ref);
    if (!profile) throw new NotFoundError(`No profile named "${ref}". List them with: ctm profile list`);
    return profile;
  }

  /** The profile with this id (the core's own references, the window's). */
  async byId(id: ProfileId): Promise<Profile> {
    const profile = (await this.read()).find((p) => p.id === id);
    if (!profile) throw new NotFoundError('That profile no longer exists.');
    return profile;
  }

  /** Validates and adds a profile; names are unique. */
  async add(fields: unknown): Promise<Profile> {
    const parsed = parseProfileFields(fields);
    return this.mutate((profiles) => {
      if (profiles.some((p) => p.name === parsed.name))
        throw new BadInputError(`A profile named "${parsed.name}" already exists.`);
      const profile: Profile = { id: newProfileId(), ...parsed };
      return { profiles: [...profiles, profile], result: profile };
    });
  }

  /**
   * Validates and adds several profiles in one write: all of them or, on any problem (a field, a name taken), none
   * (an import is never left half done).
   */
  async addAll(fieldsList: readonly unknown[]): Promise<Profile[]> {
    const parsed = fieldsList.map((fields) => parseProfileFields(fields));
    return this.mutate((profiles) => {
      const names = new Set(profiles.map((p) => p.name));
      const added = parsed.map((fields) => {
        if (names.has(fields.name))
          throw new BadInputError(`A profile named "${fields.name}" already exists; nothing was imported.`);
        names.add(fields.name);
        return { id: newProfileId(), ...fields } as Profile;
      });
      return { profiles: [...profiles, ...added], result: added };
    });
  }

  /** Replaces the fields of an existing profile (its id stays), validating the result. */
  async update(profileId: ProfileId, changes: Record<string, unknown>): Promise<Profile> {
    return this.mutate((profiles) => {
      const index = profiles.findIndex((p) => p.id === profileId);
      const current = profiles[index];
      if (!current) throw new NotFoundError('That profile no longer exists.');
      const { id, ...fields } = current;
      const parsed = parseProfileFields({ ...fields, ...changes }, fields);
      if (profiles.some((p, i) => i !== index && p.name === parsed.name))
        throw new BadInputError(`A profile named "${parsed.name}" already exists.`);
      const updated: Profile = { id, ...parsed };
      return { profiles: profiles.map((p, i) => (i === index ? updated : p)), result: updated };
    });
  }

  /** Removes a profile and returns it (the caller removes its keychain entries). */
  async remove(id: ProfileId): Promise<Profile> {
    return this.mutate((profiles) => {
      const profile = profiles.find((p) => p.id === id);
      if (!profile) throw new NotFoundError('That profile no longer exists.');
      return { profiles: profiles.filter((p) => p !== profile), result: profile };
    });
  }

  private async mutate<T>(change: (profiles: Profile[]) => { profiles: Profile[]; result: T }): Promise<T> {
    const { profiles, result } = await withFileLock(this.path, async () => {
      this.parsed = undefined; // a read-modify-write always starts from the file itself
      const changed = change(await this.read());
      try {
        await writeFileAtomic(this.path, serializeConfigFile(changed.profiles));
      } catch (error) {
        throw new ConfigError(
          `Could not write ${this.path}: ${(error as NodeJS.ErrnoException).code ?? 'write failed'}. Check the folder's permissions and free space.`,
          { cause: error },
        );
      }
      this.parsed = undefined;
      return changed;
    });
    for (const listener of this.listeners) {
      try {
        listener(profiles);
      } catch {
        /* a listener's failure must not fail the write that already happened */
      }
    }
    return result;
  }

  private async read(): Promise<Profile[]> {
    let text: string;
    let key: string;
    try {
      // The refresh engine reads profiles once per refresh; with a thousand profiles, parsing the file each time would cost seconds.
      const info = await stat(this.path);
      key = `${info.ino}:${info.size}:${info.mtimeMs}`;
      if (this.parsed?.key === key) return [...this.parsed.profiles];
      text = decodeText(await readFile(this.path));
    } catch (error) {
      if (error instanceof UnreadableConfigError) return this.moveAside(error);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new ConfigError(`Could not read ${this.path}: ${(error as NodeJS.ErrnoException).code ?? 'read failed'}.`, {
        cause: error,
      });
    }
    try {
      const file = await parseConfigFileInSlices(text);
      await chmod(this.path, 0o600).catch(() => undefined);
      if (file.idsAdded > 0) await this.saveAddedIds(text, file.profiles);
      else {
        this.parsed = { key, profiles: file.profiles };
        await markValidated(this.path, text);
      }
      return [...file.profiles];
    } catch (error) {
      if (error instanceof NewerConfigError) throw new ConfigError(`${this.path} ${error.message}.`);
      // A hand edit gone wrong stays where it is, for the person to fix; nothing is written over it meanwhile.
      if (error instanceof RepairableConfigError)
        throw new ConfigError(`${this.path} ${error.message}. Fix it in a text editor (it was left as it is).`);
      if (!(error instanceof UnreadableConfigError)) throw error;
      return this.moveAside(error);
    }
  }

  /** A file no editor can repair (not UTF-8 text, binary, empty) is moved aside, and the store starts empty. */
  private async moveAside(error: UnreadableConfigError): Promise<Profile[]> {
    this.parsed = undefined;
    const movedTo = `${this.path}.broken-${this.now().toISOString().replace(/[:.]/g, '-')}`;
    await rename(this.path, movedTo);
    this.lastRecovery = { movedTo, reason: error.message };
    return [];
  }

  /** Writes back the ids given to hand-added profiles, unless the file changed since it was read (its next read does it). */
  private async saveAddedIds(text: string, profiles: Profile[]): Promise<void> {
    await withFileLock(this.path, async () => {
      const now = await readFile(this.path, 'utf8').catch(() => undefined);
      if (now === text) await writeFileAtomic(this.path, serializeConfigFile(profiles));
    });
    this.parsed = undefined;
  }
}

/** (Also settings.json's.) The file as text; bytes that are not UTF-8, or a NUL, mean it is not a text file someone could edit. */
export function decodeText(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableConfigError('it is not UTF-8 text');
  }
  if (text.includes('\0')) throw new UnreadableConfigError('it is binary, not text');
  return text;
}
