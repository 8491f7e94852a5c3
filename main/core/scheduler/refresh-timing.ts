import { refreshMargin } from '../tokens/refresh-margin.ts';

/** Node's timers cannot wait longer than this (about 24.8 days); a longer wait is re-armed when it fires. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** How retries back off: the first wait, the cap, and both with jitter. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** 2 s, 4 s, 8 s ... up to 5 minutes: quick enough after a blip, gentle on a throttled or down service. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 5 * 60_000 };

/**
 * When to renew tokens that expire at `expiresAt`: ahead of the on-demand margin (a tenth of the lifetime, 30 s to
 * 5 min) by up to half again, at random, so profiles signed in together do not all renew in the same second. The
 * margin never exceeds a third of the lifetime, so very short tokens (tests use 5 s) are not renewed in a loop.
 */
export function refreshDueAt(expiresAt: number, issuedAt: number, random: () => number): number {
  const lifetime = Math.max(0, expiresAt - issuedAt);
  const base = Math.min(refreshMargin(lifetime), lifetime / 3);
  return Math.round(expiresAt - base * (1 + 0.5 * random()));
}

/** The wait before retry number `attempt` (1-based): capped exponential backoff with "equal jitter" (half fixed, half random). */
export function retryDelay(attempt: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(30, Math.max(0, attempt - 1)));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
