const MIN_MARGIN_MS = 30_000;
const MAX_MARGIN_MS = 5 * 60_000;

/** How long before expiry a token counts as "about to expire": a tenth of its lifetime, between 30 s and 5 min. */
export function refreshMargin(lifetimeMs: number): number {
  return Math.min(MAX_MARGIN_MS, Math.max(MIN_MARGIN_MS, Math.round(lifetimeMs / 10)));
}

/** A session as far as its lifetime goes: the access token (for its exp and iat) and the times it was received with. */
type Timed = { accessToken?: string; expiresAt: number; issuedAt: number };

/**
 * The access token's lifetime: its `exp - iat` (no renewal gives a token that stays valid longer), else, when it carries
 * no such claims, expiry minus receipt time. Decoded without a library: the cached path calls this.
 */
export function tokenLifetime(session: Timed): number {
  const payload = session.accessToken?.split('.')[1];
  try {
    const claims = payload
      ? (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>)
      : {};
    if (typeof claims.exp === 'number' && typeof claims.iat === 'number' && claims.exp > claims.iat)
      return (claims.exp - claims.iat) * 1000;
  } catch {
    // Not a readable JWT: the receipt times answer.
  }
  return session.expiresAt - session.issuedAt;
}

/** True when `minTtlMs` asks for at least a token's whole lifetime: no renewal can give that, so none is made for it. */
export function beyondLifetime(session: Timed, minTtlMs: number): boolean {
  return minTtlMs > 0 && minTtlMs >= tokenLifetime(session);
}

/**
 * True when a session can be used as it is: it stays valid past the refresh margin and past what the caller needs. A
 * need beyond the token's lifetime counts as none (the caller warns): renewing for it would only renew every time.
 */
export function isFreshEnough(session: Timed, now: number, minTtlMs = 0): boolean {
  const needed = beyondLifetime(session, minTtlMs) ? 0 : minTtlMs;
  return session.expiresAt - now > Math.max(needed, refreshMargin(session.expiresAt - session.issuedAt));
}
