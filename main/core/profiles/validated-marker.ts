import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write.ts';
import type { Profile } from './profile.ts';

/**
 * Beside profiles.json (and settings.json), the SHA-256 of the last text the full validation (zod) accepted. A reader
 * that finds the file's hash there may take its contents as they are, without loading the validator: `ctm token`'s
 * cached path does, to start fast. A stale or missing marker only means the full path runs; it can never vouch for
 * other text.
 */
export function markerPath(path: string): string {
  return `${path}.validated`;
}

function digest(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** Records that `text` passed validation; best effort (a read-only folder only costs the next run its speed). */
export async function markValidated(path: string, text: string): Promise<void> {
  const wanted = digest(text);
  try {
    if ((await readFile(markerPath(path), 'utf8').catch(() => '')) === wanted) return;
    await writeFileAtomic(markerPath(path), wanted);
  } catch {
    // Only speed is lost.
  }
}

/** The file's JSON, when its current text is the one last validated; undefined when the full path must read it. */
export async function readValidatedJson(path: string): Promise<unknown> {
  try {
    const [text, marker] = await Promise.all([readFile(path, 'utf8'), readFile(markerPath(path), 'utf8')]);
    return marker === digest(text) ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** The profiles, when the file's current text is the one last validated; undefined when the full path must read it. */
export async function readValidatedProfiles(profilesPath: string): Promise<Profile[] | undefined> {
  const profiles = ((await readValidatedJson(profilesPath)) as { profiles?: unknown } | undefined)?.profiles;
  return Array.isArray(profiles) ? (profiles as Profile[]) : undefined;
}
