const MIN_MARGIN_MS = 30_000;
const MAX_MARGIN_MS = 5 * 60_000;

/** How long before expiry a token counts as "about to expire": a tenth of its lifetime, between 30 s and 5 min. */
export function refreshMargin(lifetimeMs: number): number {
  return Math.min(MAX_MARGIN_MS, Math.max(MIN_MARGIN_MS, Math.round(lifetimeMs / 10)));
}

/** True when a session can be used as it is: it stays valid past the refresh margin and past what the caller needs. */
export function isFreshEnough(session: { expiresAt: number; issuedAt: number }, now: number, minTtlMs = 0): boolean {
  return session.expiresAt - now > Math.max(minTtlMs, refreshMargin(session.expiresAt - session.issuedAt));
}
