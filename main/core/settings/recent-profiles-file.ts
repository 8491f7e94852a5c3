import { readFile, rename, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../logging/logger.ts';
import { writeFileAtomic } from '../profiles/atomic-write.ts';
import { parseJson } from '../profiles/config-file.ts';
import { profileIdSchema } from '../profiles/profile-id.ts';
import { decodeText } from '../profiles/profile-store.ts';

/** The version of recent-profiles.json this build writes; a newer file is read as empty and never written over. */
export const RECENT_PROFILES_VERSION = 1;

/** The most ids the file may hold: the tray keeps a handful; more is a hand edit gone wrong (or not ours). */
const MAX_IDS = 50;

/** A file larger than this is no list of a few ids: not parsed. */
const MAX_BYTES = 64 * 1024;

/** recent-profiles.json as written: profile ids only (UUIDs), never a name, a token or a secret. */
const recentFileSchema = z
  .object({ version: z.literal(RECENT_PROFILES_VERSION), recentProfileIds: z.array(profileIdSchema).max(MAX_IDS) })
  .strict();

/**
 * The tray's recent profiles (the ids copied last, most recent first) in `<configDir>/recent-profiles.json`, next to
 * settings.json, so a restart keeps them. Never worth a crash: read() answers [] for a missing or broken file and logs
 * why; a broken file is moved aside (recent-profiles.json.broken-<time>, nothing lost) and a newer version's or an
 * unreadable one is left alone and not written over. write() logs a failure instead of throwing.
 */
export class RecentProfilesFile {
  readonly path: string;
  private readonly logger: Logger;
  private readonly now: () => Date;
  private writable = true;
  private writing: Promise<void> = Promise.resolve();

  constructor(configDir: string, logger: Logger, now: () => Date = () => new Date()) {
    this.path = join(configDir, 'recent-profiles.json');
    this.logger = logger;
    this.now = now;
  }

  /** The stored ids, most recent first; [] when there are none or the file cannot be used (said in the log). */
  async read(): Promise<string[]> {
    let bytes: Buffer | undefined;
    try {
      // A device or pipe put in its place is never read (it could be endless); a huge file is not read whole.
      const info = await stat(this.path);
      if (!info.isFile()) return this.leftAlone('is not a regular file');
      if (info.size <= MAX_BYTES) bytes = await readFile(this.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return [];
      return this.leftAlone(`could not be read (${code ?? 'read failed'})`);
    }
    let problem: string;
    try {
      if (!bytes || bytes.length > MAX_BYTES) throw new Error(`it is more than ${MAX_BYTES} bytes, not a list of ids`);
      const raw = parseJson(decodeText(bytes));
      const version = (raw as { version?: unknown } | null)?.version;
      if (typeof version === 'number' && version > RECENT_PROFILES_VERSION)
        return this.leftAlone('was written by a newer version of Cognito Token Manager');
      const parsed = recentFileSchema.safeParse(raw);
      if (parsed.success) return parsed.data.recentProfileIds;
      // Where the shape is wrong, never the value found there (the file is the user's to edit).
      problem = `${parsed.error.issues[0]?.path.join('.') || 'file'}: expected {"version": 1, "recentProfileIds": [profile ids]}`;
    } catch (error) {
      problem = error instanceof Error ? error.message : 'unreadable';
    }
    const movedTo = `${this.path}.broken-${this.now().toISOString().replace(/[:.]/g, '-')}`;
    const moved = await rename(this.path, movedTo).then(
      () => true,
      () => false,
    );
    if (!moved) return this.leftAlone(`is unusable (${problem}) and could not be moved aside`);
    this.logger.warn('The recent profiles file was unusable; it was moved aside and the tray starts with none', {
      file: this.path,
      problem,
      movedTo: basename(movedTo),
    });
    return [];
  }

  /** Stores the ids (after any write still under way), atomically; a failure is logged, never thrown. */
  write(ids: readonly string[]): Promise<void> {
    const content = `${JSON.stringify({ version: RECENT_PROFILES_VERSION, recentProfileIds: ids }, null, 2)}\n`;
    this.writing = this.writing.then(async () => {
      if (!this.writable) return;
      // A lost list after a power cut costs a few clicks, never a torn file: no fsync for each copy.
      await writeFileAtomic(this.path, content, { durable: false }).catch((error: unknown) =>
        this.logger.warn('The recent profiles could not be stored', {
          file: this.path,
          code: (error as NodeJS.ErrnoException).code ?? 'write failed',
        }),
      );
    });
    return this.writing;
  }

  /** A file this build must not write over (a newer version's, or one it cannot read): [] for now, kept as it is. */
  private leftAlone(why: string): string[] {
    this.writable = false;
    this.logger.warn(`The recent profiles file ${why}; it is left as it is and the tray keeps them in memory only`, {
      file: this.path,
    });
    return [];
  }
}
