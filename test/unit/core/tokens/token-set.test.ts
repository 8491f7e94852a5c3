import { describe, expect, it } from 'vitest';
import { TokenRefusedError } from '../../../../main/core/tokens/token-refusal.ts';
import { tokenSetFrom } from '../../../../main/core/tokens/token-set.ts';
import { unsignedJwt } from '../../../support/jwt-fixture.ts';

describe('tokenSetFrom', () => {
  const now = 1_700_000_000_000;

  it('takes expiry from the JWT exp claim', () => {
    const access = unsignedJwt({ exp: now / 1000 + 100, username: 'alice' });
    const set = tokenSetFrom({ AccessToken: access, ExpiresIn: 3600, RefreshToken: 'r' }, now);
    expect(set.expiresAt).toBe(now + 100_000);
    expect(set.userId).toBe('alice');
    expect(set.refreshToken).toBe('r');
    expect(set.tokenType).toBe('Bearer');
  });

  it('with this clock two hours fast (fake clock), moves exp by the offset from iat and keeps the offset', () => {
    const serverNow = now - 2 * 3600_000;
    const set = tokenSetFrom(
      { AccessToken: unsignedJwt({ iat: serverNow / 1000, exp: serverNow / 1000 + 3600 }) },
      now,
    );
    expect(set.expiresAt).toBe(now + 3600_000);
    expect(set.clockOffsetMs).toBe(-2 * 3600_000);
  });

  it('with this clock two hours slow (fake clock), the token expires an hour after arrival, not three', () => {
    const serverNow = now + 2 * 3600_000;
    const set = tokenSetFrom(
      { AccessToken: unsignedJwt({ iat: serverNow / 1000, exp: serverNow / 1000 + 3600 }) },
      now,
    );
    expect(set.expiresAt).toBe(now + 3600_000);
    expect(set.clockOffsetMs).toBe(2 * 3600_000);
  });

  it('takes exp as it is when iat is within a few seconds of this clock (latency and whole seconds, not skew)', () => {
    const set = tokenSetFrom({ AccessToken: unsignedJwt({ iat: now / 1000 - 3, exp: now / 1000 + 100 }) }, now);
    expect(set.expiresAt).toBe(now + 100_000);
    expect(set.clockOffsetMs).toBeUndefined();
  });

  it('falls back to ExpiresIn when the token has no exp', () => {
    const set = tokenSetFrom({ AccessToken: unsignedJwt({}), ExpiresIn: 60 }, now);
    expect(set.expiresAt).toBe(now + 60_000);
  });

  it('keeps the previous refresh token when a refresh returns none', () => {
    const set = tokenSetFrom({ AccessToken: unsignedJwt({ exp: 2e9 }) }, now, 'old');
    expect(set.refreshToken).toBe('old');
  });

  it('refuses an answer without access token or lifetime', () => {
    expect(() => tokenSetFrom({}, now)).toThrow(/access token/);
    expect(() => tokenSetFrom({ AccessToken: unsignedJwt({}) }, now)).toThrow(/lifetime/);
  });

  it('refuses, before anything is kept, an access or ID token that is not a well-formed JWT, and a token type that is not a word', () => {
    const hostile = "eyJhbGciOiJSUzI1NiJ9.e30.x'; id > /tmp/pwned; echo '";
    const good = unsignedJwt({ exp: 2e9 });
    for (const [result, what] of [
      [
        { AccessToken: hostile, ExpiresIn: 3600 },
        "Cognito's access token is not a well-formed JWT (it is not three base64url parts joined by dots)",
      ],
      [{ AccessToken: 'opaque', ExpiresIn: 3600 }, "Cognito's access token is not a well-formed JWT"],
      [{ AccessToken: 'e30.e30.sig', ExpiresIn: 3600 }, 'its header is not a JSON object naming an algorithm'],
      [{ AccessToken: good, IdToken: `${good}\n` }, "Cognito's ID token is not a well-formed JWT"],
      [{ AccessToken: good, TokenType: "Bearer'; id" }, "Cognito's token type is not a plain word"],
    ] as const) {
      let thrown: unknown;
      try {
        tokenSetFrom(result, now);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, what).toBeInstanceOf(TokenRefusedError);
      expect((thrown as TokenRefusedError).kind).toBe('refused');
      expect((thrown as Error).message).toContain(what);
      expect((thrown as Error).message).not.toContain('id >');
    }
  });

  it('uses the sub when there is no username claim', () => {
    expect(tokenSetFrom({ AccessToken: unsignedJwt({ exp: 2e9, sub: 'abc' }) }, now).userId).toBe('abc');
  });
});
