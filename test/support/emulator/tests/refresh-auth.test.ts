import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { secretHashFor } from '../index.ts';
import { authResult, baseSeed, call, claimsOf, clientSecret, passwordSignIn, start } from './emulator-test-kit.ts';

function refresh(
  emulator: Emulator,
  token: unknown,
  clientId = 'publicclient1',
  extra: Record<string, string> = {},
  flow = 'REFRESH_TOKEN_AUTH',
) {
  return call(emulator, 'InitiateAuth', {
    AuthFlow: flow,
    ClientId: clientId,
    AuthParameters: { REFRESH_TOKEN: String(token), ...extra },
  });
}

async function refreshTokenOf(emulator: Emulator, username = 'alice'): Promise<string> {
  return String(authResult(await passwordSignIn(emulator, username)).RefreshToken);
}

describe('InitiateAuth REFRESH_TOKEN_AUTH', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start(
      baseSeed((seed) => {
        seed.pools[0]?.clients.push({ id: 'shortlived1', refreshTokenValiditySeconds: 60 });
      }),
    );
  });
  afterAll(() => emulator.close());

  it('returns new access and ID tokens but no refresh token', async () => {
    const answer = await refresh(emulator, await refreshTokenOf(emulator));
    const result = authResult(answer);
    expect(answer.status).toBe(200);
    expect(result).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
    expect(result.RefreshToken).toBeUndefined();
    expect(claimsOf(result.AccessToken).username).toBe('alice');
  });

  it('keeps auth_time and origin_jti of the sign-in, with a fresh jti', async () => {
    const signIn = authResult(await passwordSignIn(emulator, 'alice'));
    emulator.advanceClock(120_000);
    const refreshed = claimsOf(authResult(await refresh(emulator, signIn.RefreshToken)).AccessToken);
    const original = claimsOf(signIn.AccessToken);
    expect(refreshed.auth_time).toBe(original.auth_time);
    expect(refreshed.origin_jti).toBe(original.origin_jti);
    expect(refreshed.jti).not.toBe(original.jti);
    expect(Number(refreshed.iat)).toBeGreaterThanOrEqual(Number(original.iat) + 120);
  });

  it('accepts the REFRESH_TOKEN alias of the flow', async () => {
    const answer = await refresh(emulator, await refreshTokenOf(emulator), 'publicclient1', {}, 'REFRESH_TOKEN');
    expect(answer.status).toBe(200);
  });

  it('refuses a token it never issued', async () => {
    const answer = await refresh(emulator, 'not-a-token');
    expect(answer.body).toEqual({ __type: 'NotAuthorizedException', message: 'Invalid Refresh Token' });
  });

  it('refuses a token issued to another client', async () => {
    const answer = await refresh(emulator, await refreshTokenOf(emulator), 'shortlived1');
    expect(answer.body.message).toBe('Invalid Refresh Token');
  });

  it('refuses a token past the client refresh validity', async () => {
    const token = String(authResult(await passwordSignIn(emulator, 'alice', {}, 'shortlived1')).RefreshToken);
    expect((await refresh(emulator, token, 'shortlived1')).status).toBe(200);
    emulator.advanceClock(61_000);
    const answer = await refresh(emulator, token, 'shortlived1');
    expect(answer.body).toEqual({ __type: 'NotAuthorizedException', message: 'Refresh Token has expired' });
  });

  it('refuses a revoked token', async () => {
    const token = await refreshTokenOf(emulator);
    await call(emulator, 'RevokeToken', { Token: token, ClientId: 'publicclient1' });
    const answer = await refresh(emulator, token);
    expect(answer.body).toEqual({ __type: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
  });

  it('revokes every token of a user through revokeAllFor', async () => {
    const first = await refreshTokenOf(emulator, 'bob');
    const second = await refreshTokenOf(emulator, 'bob');
    const other = await refreshTokenOf(emulator, 'alice');
    emulator.revokeAllFor('bob');
    expect((await refresh(emulator, first)).body.message).toBe('Refresh Token has been revoked');
    expect((await refresh(emulator, second)).body.message).toBe('Refresh Token has been revoked');
    expect((await refresh(emulator, other)).status).toBe(200);
  });

  it('names a missing REFRESH_TOKEN', async () => {
    const answer = await call(emulator, 'InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: 'publicclient1',
      AuthParameters: {},
    });
    expect(answer.body).toEqual({
      __type: 'InvalidParameterException',
      message: 'Missing required parameter REFRESH_TOKEN',
    });
  });

  describe('with a client secret', () => {
    async function secretToken(): Promise<string> {
      const answer = await passwordSignIn(
        emulator,
        'alice',
        { SECRET_HASH: secretHashFor(clientSecret, 'alice', 'secretclient1') },
        'secretclient1',
      );
      return String(authResult(answer).RefreshToken);
    }

    it('requires SECRET_HASH', async () => {
      const answer = await refresh(emulator, await secretToken(), 'secretclient1');
      expect(answer.body.message).toBe('Client secretclient1 is configured for secret but secret was not received');
    });

    it('accepts a SECRET_HASH over the username', async () => {
      const answer = await refresh(emulator, await secretToken(), 'secretclient1', {
        SECRET_HASH: secretHashFor(clientSecret, 'alice', 'secretclient1'),
      });
      expect(answer.status).toBe(200);
    });

    it('accepts a SECRET_HASH over the sub', async () => {
      const token = await secretToken();
      const sub = String(
        claimsOf(
          authResult(
            await refresh(emulator, token, 'secretclient1', {
              SECRET_HASH: secretHashFor(clientSecret, 'alice', 'secretclient1'),
            }),
          ).AccessToken,
        ).sub,
      );
      const answer = await refresh(emulator, token, 'secretclient1', {
        SECRET_HASH: secretHashFor(clientSecret, sub, 'secretclient1'),
      });
      expect(answer.status).toBe(200);
    });

    it('refuses a SECRET_HASH over anything else', async () => {
      const answer = await refresh(emulator, await secretToken(), 'secretclient1', {
        SECRET_HASH: secretHashFor(clientSecret, 'alice@example.com', 'secretclient1'),
      });
      expect(answer.body).toEqual({
        __type: 'NotAuthorizedException',
        message: 'Unable to verify secret hash for client secretclient1',
      });
    });
  });
});
