import { newProfileId } from '../../../../main/core/profiles/profile-id.ts';
import { describe, expect, it } from 'vitest';
import { refreshSession } from '../../../../main/core/auth/refresh-session.ts';
import { SignInConversation } from '../../../../main/core/auth/sign-in-conversation.ts';
import { CognitoClient } from '../../../../main/core/cognito/cognito-client.ts';
import { secretHash } from '../../../../main/core/cognito/secret-hash.ts';
import type { CognitoTransport } from '../../../../main/core/cognito/transport.ts';
import { parseProfileFields, type Profile } from '../../../../main/core/profiles/profile.ts';
import { unsignedJwt } from '../../../support/jwt-fixture.ts';

// Cognito signs a user in by an alias (e-mail) but names them by their canonical username afterwards; the
// emulator does not model aliases, so these tests script Cognito's answers (fake transport).

const SECRET = 'client-secret';
const CANONICAL = '5f0c3e9a-8d7b-4c11-9e2f-0a1b2c3d4e5f';

function scriptedTransport(answers: Record<string, unknown>[], seen: Record<string, unknown>[]): CognitoTransport {
  return {
    post: (_url, _headers, body) => {
      seen.push(JSON.parse(body) as Record<string, unknown>);
      return Promise.resolve({ status: 200, body: JSON.stringify(answers.shift() ?? {}) });
    },
  };
}

function profile(fields: Record<string, unknown> = {}): Profile {
  return {
    ...parseProfileFields({
      name: 'alias',
      region: 'us-east-1',
      userPoolId: 'us-east-1_Alias1',
      clientId: 'aliasclient',
      hasClientSecret: true,
      username: 'alice@example.com',
      ...fields,
    }),
    id: newProfileId(),
  };
}

const tokens = (claims: Record<string, unknown>) => ({
  AuthenticationResult: {
    AccessToken: unsignedJwt({ exp: 4_000_000_000, ...claims }),
    RefreshToken: 'r',
    ExpiresIn: 3600,
  },
});

describe('SECRET_HASH follows the USERNAME Cognito uses (fake transport)', () => {
  it('after SRP, hashes USER_ID_FOR_SRP, not the alias typed at sign-in', async () => {
    const seen: Record<string, unknown>[] = [];
    const verifier = {
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: 's1',
      ChallengeParameters: {
        USER_ID_FOR_SRP: CANONICAL,
        SRP_B: 'ab'.repeat(64),
        SALT: 'cd'.repeat(16),
        SECRET_BLOCK: Buffer.alloc(32, 7).toString('base64'),
      },
    };
    const mfa = {
      ChallengeName: 'SMS_MFA',
      Session: 's2',
      ChallengeParameters: { CODE_DELIVERY_DESTINATION: '+*****1234' },
    };
    const client = new CognitoClient(
      scriptedTransport([verifier, mfa, tokens({ username: CANONICAL })], seen),
      'http://cognito.invalid/',
    );
    const conversation = new SignInConversation({ profile: profile(), clientSecret: SECRET, client, now: () => 0 });
    expect((await conversation.start({ password: 'pw' })).kind).toBe('challenge');
    expect((await conversation.answer({ code: '123456' })).kind).toBe('tokens');
    const [initiate, proof, code] = seen.map(
      (body) => (body.AuthParameters ?? body.ChallengeResponses) as Record<string, string>,
    );
    expect(initiate?.SECRET_HASH).toBe(secretHash(SECRET, 'alice@example.com', 'aliasclient'));
    expect(proof).toMatchObject({ USERNAME: CANONICAL, SECRET_HASH: secretHash(SECRET, CANONICAL, 'aliasclient') });
    expect(code).toMatchObject({ USERNAME: CANONICAL, SECRET_HASH: secretHash(SECRET, CANONICAL, 'aliasclient') });
  });

  it.each([
    ['the username claim', { username: CANONICAL, sub: 'another-sub' }, CANONICAL],
    ['the sub claim when there is no username', { sub: CANONICAL }, CANONICAL],
  ])('on refresh, hashes %s', async (_what, claims, expected) => {
    const seen: Record<string, unknown>[] = [];
    const client = new CognitoClient(scriptedTransport([tokens(claims)], seen), 'http://cognito.invalid/');
    const session = {
      accessToken: unsignedJwt({ exp: 1, ...claims }),
      refreshToken: 'refresh-1',
      tokenType: 'Bearer',
      expiresAt: 1000,
      issuedAt: 0,
    };
    await refreshSession({
      profile: profile({ refreshMethod: 'REFRESH_TOKEN_AUTH' }),
      clientSecret: SECRET,
      session,
      client,
      now: () => 0,
    });
    expect(seen[0]?.AuthParameters).toEqual({
      REFRESH_TOKEN: 'refresh-1',
      SECRET_HASH: secretHash(SECRET, expected, 'aliasclient'),
    });
  });

  it('on refresh, sends the DEVICE_KEY the access token was issued for', async () => {
    const seen: Record<string, unknown>[] = [];
    const client = new CognitoClient(
      scriptedTransport([tokens({ username: CANONICAL })], seen),
      'http://cognito.invalid/',
    );
    const session = {
      accessToken: unsignedJwt({ exp: 1, username: CANONICAL, device_key: 'us-east-1_dev' }),
      refreshToken: 'refresh-1',
      tokenType: 'Bearer',
      expiresAt: 1000,
      issuedAt: 0,
    };
    await refreshSession({
      profile: profile({ hasClientSecret: false, refreshMethod: 'REFRESH_TOKEN_AUTH' }),
      session,
      client,
      now: () => 0,
    });
    expect(seen[0]?.AuthParameters).toEqual({ REFRESH_TOKEN: 'refresh-1', DEVICE_KEY: 'us-east-1_dev' });
  });
});
