import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A hand edit of profiles.json, as a person or another program makes it: every spelling of server `from` (an endpoint
 * may keep its trailing slash, a domain never does) becomes `to`, with no check and no lock.
 */
export function handEditProfiles(configDir: string, from: string, to: string): void {
  const path = join(configDir, 'profiles.json');
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, text.split(from).join(to).split(from.replace(/\/$/, '')).join(to.replace(/\/$/, '')));
}
