import { describe, expect, it } from 'vitest';
import { minTtlWarning } from '../../../../main/cli/min-ttl-warning.ts';
import { beyondLifetime, isFreshEnough, refreshMargin } from '../../../../main/core/tokens/refresh-margin.ts';

describe('refreshMargin', () => {
  it('is a tenth of the lifetime, clamped to 30 s .. 5 min', () => {
    expect(refreshMargin(3_600_000)).toBe(300_000);
    expect(refreshMargin(1_200_000)).toBe(120_000);
    expect(refreshMargin(60_000)).toBe(30_000);
    expect(refreshMargin(86_400_000)).toBe(300_000);
  });
});

describe('isFreshEnough with a minimum time left beyond the token lifetime', () => {
  const session = { issuedAt: 0, expiresAt: 3_600_000 };

  it('asks for a renewal when the minimum is shorter than the lifetime and more than is left', () => {
    expect(isFreshEnough(session, 1_000_000, 3_000_000)).toBe(false);
    expect(beyondLifetime(session, 3_000_000)).toBe(false);
  });

  it('treats a minimum of the whole lifetime or more as none: no renewal could give it', () => {
    expect(beyondLifetime(session, 3_600_000)).toBe(true);
    expect(isFreshEnough(session, 1_000_000, 7_200_000)).toBe(true);
    // Still renewed within the usual margin (a tenth of the lifetime, at most 5 min).
    expect(isFreshEnough(session, 3_400_000, 7_200_000)).toBe(false);
  });

  it("takes the lifetime from the access token's exp - iat when it has them", () => {
    const claims = Buffer.from(JSON.stringify({ iat: 1000, exp: 1900 })).toString('base64url');
    const withJwt = { ...session, accessToken: `e30.${claims}.sig` };
    expect(beyondLifetime(withJwt, 900_000)).toBe(true);
    expect(beyondLifetime(withJwt, 899_000)).toBe(false);
  });

  it('warns in one line naming the flag, both durations and the profile', () => {
    expect(minTtlWarning(session, 3_000_000, 'dev')).toBeUndefined();
    const line = minTtlWarning(session, 7_200_000, 'dev') ?? '';
    expect(line).toBe(
      "ctm: warning: --min-ttl 7200 s is at least as long as dev's tokens live (3600 s): no renewal can give that, so the token is renewed only when about to expire.\n",
    );
  });
});
