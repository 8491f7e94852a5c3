import { beyondLifetime, tokenLifetime } from '../core/tokens/refresh-margin.ts';

/**
 * The one stderr line for a --min-ttl at least as long as the profile's tokens live (undefined otherwise): no renewal
 * can satisfy it, so ctm renews only as usual. Kept light: the cached path loads it.
 */
export function minTtlWarning(
  session: { accessToken?: string; expiresAt: number; issuedAt: number },
  minTtlMs: number,
  profileName: string,
): string | undefined {
  if (!beyondLifetime(session, minTtlMs)) return undefined;
  const seconds = (ms: number) => Math.round(ms / 1000);
  return (
    `ctm: warning: --min-ttl ${seconds(minTtlMs)} s is at least as long as ${profileName}'s tokens live ` +
    `(${seconds(tokenLifetime(session))} s): no renewal can give that, so the token is renewed only when about to expire.\n`
  );
}
