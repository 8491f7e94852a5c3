import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-write.ts';
import type { Profile } from './profile.ts';

/**
 * Beside profiles.json, the SHA-256 of the last text the full validation (zod) accepted. A reader that finds the
 * file's hash there may take its profiles as they are, without loading the validator: `ctm token`'s cached path
 * does, to start fast. A stale or missing marker only means the full path runs; it can never vouch for other text.
 */
export function markerPath(profilesPath: string): string {
  return `${profilesPath}.validated`;
}

function digest(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** Records that `text` passed validation; best effort (a read-only folder only costs the next run its speed). */
export async function markValidated(profilesPath: string, text: string): Promise<void> {
  const wanted = digest(text);
  try {
    if ((await readFile(markerPath(profilesPath), 'utf8').catch(() => '')) === wanted) return;
    await writeFileAtomic(markerPath(profilesPath), wanted);
  } catch {
    // Only speed is lost.
  }
}

/** The profiles, when the file's current text is the one last validated; undefined when the full path must read it. */
export async function readValidatedProfiles(profilesPath: string): Promise<Profile[] | undefined> {
  try {
    const [text, marker] = await Promise.all([
      readFile(profilesPath, 'utf8'),
      readFile(markerPath(profilesPath), 'utf8'),
    ]);
    if (marker !== digest(text)) return undefined;
    const profiles = (JSON.parse(text) as { profiles?: unknown }).profiles;
    return Array.isArray(profiles) ? (profiles as Profile[]) : undefined;
  } catch {
    return undefined;
  }
}
