import { newProfileId } from '../../../../main/core/profiles/profile-id.ts';
import { describe, expect, it } from 'vitest';
import { refreshSession } from '../../../../main/core/auth/refresh-session.ts';
import { CognitoClient } from '../../../../main/core/cognito/cognito-client.ts';
import type { CognitoTransport } from '../../../../main/core/cognito/transport.ts';
import { parseProfileFields, type Profile } from '../../../../main/core/profiles/profile.ts';
import { unsignedJwt } from '../../../support/jwt-fixture.ts';

// Which operation a refresh uses, with a FAKE transport scripting the answers of endpoints that lack an operation
// (AWS's UnknownOperationException, cognito-local's CognitoLocal#Unsupported): the emulator serves both operations.

type Answer = { status: number; body: Record<string, unknown> };
const tokens: Answer = {
  status: 200,
  body: {
    AuthenticationResult: {
      AccessToken: unsignedJwt({ exp: 4_000_000_000, iat: 3_999_996_400, username: 'alice' }),
      ExpiresIn: 3600,
    },
  },
};
const unknownOperation: Answer = {
  status: 400,
  body: { __type: 'com.amazon.coral.service#UnknownOperationException' },
};
const cognitoLocalUnsupported: Answer = {
  status: 500,
  body: {
    __type: 'CognitoLocal#Unsupported',
    message: 'Cognito Local unsupported feature: Unsupported x-amz-target header "GetTokensFromRefreshToken"',
  },
};

function setup(answers: Answer[], fields: Record<string, unknown> = {}) {
  const targets: string[] = [];
  const transport: CognitoTransport = {
    post: (_url, headers) => {
      targets.push(headers['X-Amz-Target']?.split('.')[1] ?? '');
      const answer = answers.shift() ?? tokens;
      return Promise.resolve({ status: answer.status, body: JSON.stringify(answer.body) });
    },
  };
  const profile: Profile = {
    ...parseProfileFields({
      name: 'p',
      region: 'us-east-1',
      userPoolId: 'us-east-1_Pool1',
      clientId: 'client1',
      endpoint: 'http://127.0.0.1:9229/',
      ...fields,
    }),
    id: newProfileId(),
  };
  const session = {
    accessToken: unsignedJwt({ exp: 1, username: 'alice' }),
    refreshToken: 'refresh-1',
    tokenType: 'Bearer',
    expiresAt: 1000,
    issuedAt: 0,
  };
  let remembered = 0;
  const run = () =>
    refreshSession({
      profile,
      session,
      client: new CognitoClient(transport, 'http://127.0.0.1:9229/'),
      now: () => 0,
      rememberFallback: async () => void remembered++,
    });
  return { targets, run, remembered: () => remembered };
}

describe('refresh method (fake transport scripting endpoints without an operation)', () => {
  it('by default renews with GetTokensFromRefreshToken, which AWS serves with rotation on or off', async () => {
    const { targets, run } = setup([tokens]);
    await run();
    expect(targets).toEqual(['GetTokensFromRefreshToken']);
  });

  it.each([
    ['UnknownOperationException (AWS JSON protocol)', unknownOperation],
    ['CognitoLocal#Unsupported (cognito-local, HTTP 500)', cognitoLocalUnsupported],
  ])('falls back to REFRESH_TOKEN_AUTH when the endpoint answers %s, and remembers it', async (_what, answer) => {
    const { targets, run, remembered } = setup([answer, tokens]);
    await expect(run()).resolves.toMatchObject({ refreshToken: 'refresh-1' });
    expect(targets).toEqual(['GetTokensFromRefreshToken', 'InitiateAuth']);
    expect(remembered()).toBe(1);
  });

  it('never falls back on a message: an InvalidParameterException about rotation is passed on', async () => {
    const { targets, run, remembered } = setup([
      { status: 400, body: { __type: 'InvalidParameterException', message: 'refresh token rotation is enabled' } },
    ]);
    await expect(run()).rejects.toMatchObject({ type: 'InvalidParameterException' });
    expect(targets).toEqual(['GetTokensFromRefreshToken']);
    expect(remembered()).toBe(0);
  });

  it('once the fallback is remembered for this endpoint, goes straight to REFRESH_TOKEN_AUTH', async () => {
    const { targets, run } = setup([tokens], { refreshFallbackEndpoint: 'http://127.0.0.1:9229/' });
    await run();
    expect(targets).toEqual(['InitiateAuth']);
  });

  it('a remembered fallback for another endpoint is ignored (the profile was pointed elsewhere)', async () => {
    const { targets, run } = setup([tokens], { refreshFallbackEndpoint: 'http://localhost:4566/' });
    await run();
    expect(targets).toEqual(['GetTokensFromRefreshToken']);
  });

  it('an explicit --refresh-method REFRESH_TOKEN_AUTH is obeyed without trying GetTokensFromRefreshToken', async () => {
    const { targets, run } = setup([tokens], { refreshMethod: 'REFRESH_TOKEN_AUTH' });
    await run();
    expect(targets).toEqual(['InitiateAuth']);
  });

  it('an explicit GetTokensFromRefreshToken never falls back, even on an unknown operation', async () => {
    const { targets, run } = setup([unknownOperation], { refreshMethod: 'GetTokensFromRefreshToken' });
    await expect(run()).rejects.toMatchObject({ type: 'UnknownOperationException' });
    expect(targets).toEqual(['GetTokensFromRefreshToken']);
  });
});

describe('refresh with a device the pool no longer knows (fake transport scripting both of Cognito\u2019s answers)', () => {
  it.each([
    ['ResourceNotFoundException', 'Device does not exist.'],
    ['InvalidParameterException', 'Invalid device key given.'],
  ])('%s "%s": the device is forgotten and the refresh tried once without DeviceKey', async (type, message) => {
    const bodies: Record<string, unknown>[] = [];
    const answers: Answer[] = [{ status: 400, body: { __type: type, message } }, tokens];
    const transport: CognitoTransport = {
      post: (_url, _headers, body) => {
        bodies.push(JSON.parse(body) as Record<string, unknown>);
        const answer = answers.shift() ?? tokens;
        return Promise.resolve({ status: answer.status, body: JSON.stringify(answer.body) });
      },
    };
    const profile: Profile = {
      ...parseProfileFields({ name: 'p', region: 'us-east-1', userPoolId: 'us-east-1_Pool1', clientId: 'client1' }),
      id: newProfileId(),
    };
    const session = {
      accessToken: unsignedJwt({ exp: 1, username: 'alice', device_key: 'us-east-1_gone' }),
      refreshToken: 'refresh-1',
      tokenType: 'Bearer',
      expiresAt: 1000,
      issuedAt: 0,
    };
    let forgotten = 0;
    await refreshSession({
      profile,
      session,
      client: new CognitoClient(transport, 'https://cognito.invalid/'),
      now: () => 0,
      forgetDevice: async () => void forgotten++,
    });
    expect(bodies.map((b) => b.DeviceKey)).toEqual(['us-east-1_gone', undefined]);
    expect(forgotten).toBe(1);
  });
});
