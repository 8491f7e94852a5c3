import type { Timers } from '../clock.ts';
import { parseRefreshItemAccount } from './refresh-token-items.ts';
import type { SecretStore } from './secret-store.ts';

/** An unnamed generation younger than this may belong to a commit still under way in another process: never swept. */
const ORPHAN_AGE_MS = 10 * 60_000;

/**
 * Deletes refresh-token items that no session names (left by a process killed before its commit), once they are old
 * enough that no commit can still be under way; answers how many went. Lists the keychain: for the app, not `ctm`.
 */
export async function sweepOrphanItems(
  store: SecretStore,
  namedGeneration: (profileId: string) => Promise<string | undefined>,
  now: number,
): Promise<number> {
  const listing = await store.all();
  let removed = 0;
  for (const account of listing.keys()) {
    const parsed = parseRefreshItemAccount(account);
    if (!parsed || now - generationTime(parsed.place.generation) < ORPHAN_AGE_MS) continue;
    if ((await namedGeneration(parsed.profileId)) === parsed.place.generation) continue;
    if (await store.delete(account)) removed += 1;
  }
  return removed;
}

/** When the app sweeps: a minute after it starts (off the start-up path), then once a day. */
export const SWEEP_DELAY_MS = 60_000;
const SWEEP_EVERY_MS = 24 * 60 * 60_000;

/** Schedules the app's orphan sweeps (a failure waits for the next one); returns the stop. */
export function scheduleOrphanSweeps(sweep: () => Promise<unknown>, timers: Timers): () => void {
  let timer = timers.setTimeout(function run() {
    void sweep().catch(() => undefined);
    timer = timers.setTimeout(run, SWEEP_EVERY_MS);
  }, SWEEP_DELAY_MS);
  return () => timers.clearTimeout(timer);
}

/** The time a generation was written (its first 9 characters are that time in base 36). */
function generationTime(generation: string): number {
  return parseInt(generation.slice(0, 9), 36);
}
