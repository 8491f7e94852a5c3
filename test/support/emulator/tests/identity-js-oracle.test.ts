import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { baseSeed, password, start } from './emulator-test-kit.ts';

// amazon-cognito-identity-js is the reference client: if it signs in, the server side of SRP is right.

function signIn(user: CognitoUser, secret: string): Promise<CognitoUserSession> {
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: secret }), {
      onSuccess: (session) => resolve(session),
      onFailure: (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
    });
  });
}

function refresh(user: CognitoUser, session: CognitoUserSession): Promise<CognitoUserSession> {
  return new Promise((resolve, reject) => {
    user.refreshSession(session.getRefreshToken(), (error: unknown, next: CognitoUserSession) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(next),
    );
  });
}

describe('amazon-cognito-identity-js against the emulator', () => {
  let emulator: Emulator;
  let pool: CognitoUserPool;
  beforeAll(async () => {
    emulator = await start(
      baseSeed((seed) => {
        const target = seed.pools[0];
        if (target) target.deviceTracking = 'always';
      }),
    );
    pool = new CognitoUserPool({
      UserPoolId: 'us-east-1_Example1',
      ClientId: 'publicclient1',
      endpoint: emulator.endpoint,
    });
  });
  afterAll(() => emulator.close());

  it('signs in with USER_SRP_AUTH and confirms the new device', async () => {
    const session = await signIn(new CognitoUser({ Username: 'bob', Pool: pool }), password);
    expect(session.getAccessToken().decodePayload().username).toBe('bob');
    expect(session.getAccessToken().decodePayload().device_key).toMatch(/^us-east-1_/);
    expect(emulator.requests.map((request) => request.operation)).toContain('ConfirmDevice');
  });

  it('signs in again through DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER', async () => {
    const before = emulator.requests.length;
    const session = await signIn(new CognitoUser({ Username: 'bob', Pool: pool }), password);
    const challenges = emulator.requests
      .slice(before)
      .map((request) => request.body.ChallengeName)
      .filter(Boolean);
    expect(challenges).toEqual(['PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
    expect(session.isValid()).toBe(true);
  });

  it('refreshes with the device key the library remembers', async () => {
    const user = new CognitoUser({ Username: 'bob', Pool: pool });
    const session = await signIn(user, password);
    const next = await refresh(user, session);
    expect(next.getAccessToken().getJwtToken()).not.toBe(session.getAccessToken().getJwtToken());
  });

  it('fails the sign-in for a wrong password with NotAuthorizedException', async () => {
    await expect(signIn(new CognitoUser({ Username: 'alice', Pool: pool }), 'not-the-password')).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });
});
