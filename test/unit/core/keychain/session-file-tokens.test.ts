import { describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../../../main/core/keychain/session-cache.ts';
import { unsignedJwt } from '../../../support/jwt-fixture.ts';

const file = (session: Record<string, unknown>) => JSON.stringify({ version: 2, session, trash: [] });

describe('parseSessionFile: tokens are checked where they enter, a session file being one such place', () => {
  it('keeps a session of well-formed JWTs, and one recovered from its refresh token alone (no access token yet)', () => {
    const good = {
      accessToken: unsignedJwt({ exp: 1 }),
      idToken: unsignedJwt({ sub: 'u' }),
      tokenType: 'Bearer',
      expiresAt: 1,
      issuedAt: 0,
    };
    expect(parseSessionFile(file(good))?.session).toEqual(good);
    const recovered = {
      accessToken: '',
      tokenType: 'Bearer',
      expiresAt: 0,
      issuedAt: 0,
      refresh: { items: 1, generation: 'g', digest: 'd' },
    };
    expect(parseSessionFile(file(recovered))?.session).toEqual(recovered);
  });

  it('leaves out a session whose access or ID token is not a JWT (the profile then needs a sign-in), keeping the rest of the file', () => {
    const hostile = "eyJhbGciOiJSUzI1NiJ9.e30.x'; id > /tmp/pwned; echo '";
    expect(parseSessionFile(file({ accessToken: hostile, tokenType: 'Bearer', expiresAt: 9e12, issuedAt: 0 }))).toEqual(
      { version: 2, trash: [] },
    );
    expect(
      parseSessionFile(
        file({ accessToken: unsignedJwt({}), idToken: hostile, tokenType: 'Bearer', expiresAt: 9e12, issuedAt: 0 }),
      )?.session,
    ).toBeUndefined();
    expect(
      parseSessionFile(file({ accessToken: '', tokenType: 'Bearer', expiresAt: 9e12, issuedAt: 0 }))?.session,
    ).toBeUndefined();
  });
});
