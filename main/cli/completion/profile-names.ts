import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configDir } from '../../core/profiles/config-dir.ts';

/**
 * The profile names in profiles.json, read as plain JSON for completion: no validation, no lock, no keychain, and
 * nothing at all when the file is missing or broken (a Tab press must never print an error or wait).
 */
export function profileNamesForCompletion(dir: string = configDir()): string[] {
  try {
    const raw = JSON.parse(readFileSync(join(dir, 'profiles.json'), 'utf8')) as unknown;
    const profiles = Array.isArray(raw) ? raw : (raw as { profiles?: unknown } | null)?.profiles;
    if (!Array.isArray(profiles)) return [];
    return profiles
      .map((p) => (p as { name?: unknown } | null)?.name)
      .filter((name): name is string => typeof name === 'string');
  } catch {
    return [];
  }
}
