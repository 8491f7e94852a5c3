import type { TokenSet } from '../tokens/token-set.ts';

/** 0.1.0 kept a whole session (access, ID and refresh tokens as JSON) in one item `session:<profile id>`. */
export const LEGACY_SESSION_PREFIX = 'session:';

/** The 0.1.0 sessions in a keychain listing, by profile id; unreadable ones are skipped (and left in place). */
export function legacySessions(listing: Map<string, string>): Map<string, TokenSet> {
  const found = new Map<string, TokenSet>();
  for (const [account, secret] of listing) {
    if (!account.startsWith(LEGACY_SESSION_PREFIX)) continue;
    const session = parseLegacySession(secret);
    if (session) found.set(account.slice(LEGACY_SESSION_PREFIX.length), session);
  }
  return found;
}

/** 0.1.0's reader: a session needs an access token and an expiry. */
function parseLegacySession(text: string): TokenSet | undefined {
  try {
    const value = JSON.parse(text) as Partial<TokenSet>;
    if (typeof value.accessToken !== 'string' || typeof value.expiresAt !== 'number') return undefined;
    return value as TokenSet;
  } catch {
    return undefined;
  }
}
