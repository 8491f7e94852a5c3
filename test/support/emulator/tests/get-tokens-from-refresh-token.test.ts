import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { authResult, baseSeed, call, claimsOf, clientSecret, passwordSignIn, start } from './emulator-test-kit.ts';
import { secretHashFor } from '../index.ts';

describe('GetTokensFromRefreshToken', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start(
      baseSeed((seed) => {
        seed.pools[0]?.clients.push(
          { id: 'rotating1', refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: 10 } },
          { id: 'rotatingnograce1', refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: 0 } },
          {
            id: 'rotatingnoflow1',
            explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
            refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: 60 },
          },
          { id: 'norefresh1', explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] },
        );
      }),
    );
  });
  afterAll(() => emulator.close());

  const getTokens = (token: unknown, clientId = 'publicclient1', extra: Record<string, unknown> = {}) =>
    call(emulator, 'GetTokensFromRefreshToken', { RefreshToken: token, ClientId: clientId, ...extra });
  const signIn = async (clientId = 'publicclient1') =>
    authResult(await passwordSignIn(emulator, 'alice', {}, clientId));

  it('returns new tokens and no refresh token without rotation', async () => {
    const answer = await getTokens((await signIn()).RefreshToken);
    expect(authResult(answer)).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
    expect(authResult(answer).RefreshToken).toBeUndefined();
  });

  it('checks ClientSecret for a client with a secret', async () => {
    const token = authResult(
      await passwordSignIn(
        emulator,
        'alice',
        { SECRET_HASH: secretHashFor(clientSecret, 'alice', 'secretclient1') },
        'secretclient1',
      ),
    ).RefreshToken;
    expect((await getTokens(token, 'secretclient1')).body.message).toBe(
      'Client secretclient1 is configured for secret but secret was not received',
    );
    expect((await getTokens(token, 'secretclient1', { ClientSecret: 'wrong' })).body.message).toBe(
      'Unable to verify secret hash for client secretclient1',
    );
    expect((await getTokens(token, 'secretclient1', { ClientSecret: clientSecret })).status).toBe(200);
  });

  it('refuses REFRESH_TOKEN_AUTH on a client with rotation', async () => {
    const token = (await signIn('rotating1')).RefreshToken;
    const answer = await call(emulator, 'InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: 'rotating1',
      AuthParameters: { REFRESH_TOKEN: token },
    });
    expect(answer.body).toEqual({
      __type: 'InvalidParameterException',
      message: 'REFRESH_TOKEN_AUTH flow not enabled for this client',
    });
  });

  it('refuses the REFRESH_TOKEN alias on a rotation client with the same disabled-flow answer', async () => {
    const token = (await signIn('rotating1')).RefreshToken;
    const answer = await call(emulator, 'InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN',
      ClientId: 'rotating1',
      AuthParameters: { REFRESH_TOKEN: token },
    });
    expect(answer.body).toEqual({
      __type: 'InvalidParameterException',
      message: 'REFRESH_TOKEN_AUTH flow not enabled for this client',
    });
  });

  it('rotates on a rotation client whatever its explicit auth flows say', async () => {
    const answer = await getTokens((await signIn('rotatingnoflow1')).RefreshToken, 'rotatingnoflow1');
    expect(answer.status).toBe(200);
    expect(typeof authResult(answer).RefreshToken).toBe('string');
  });

  it('refuses GetTokensFromRefreshToken without rotation when ALLOW_REFRESH_TOKEN_AUTH is off', async () => {
    const answer = await getTokens((await signIn('norefresh1')).RefreshToken, 'norefresh1');
    expect(answer.body).toEqual({
      __type: 'InvalidParameterException',
      message: 'REFRESH_TOKEN_AUTH flow not enabled for this client',
    });
  });

  it('keeps the old token through a 60-second grace period (the maximum), then refuses it', async () => {
    const first = await signIn('rotatingnoflow1');
    await getTokens(first.RefreshToken, 'rotatingnoflow1');
    emulator.advanceClock(59_000);
    expect((await getTokens(first.RefreshToken, 'rotatingnoflow1')).status).toBe(200);
    emulator.advanceClock(1_500);
    expect((await getTokens(first.RefreshToken, 'rotatingnoflow1')).body.__type).toBe('RefreshTokenReuseException');
  });

  it('rotates: a new refresh token, with the same origin and the sign-in auth_time', async () => {
    const first = await signIn('rotating1');
    const answer = authResult(await getTokens(first.RefreshToken, 'rotating1'));
    expect(typeof answer.RefreshToken).toBe('string');
    expect(answer.RefreshToken).not.toBe(first.RefreshToken);
    expect(claimsOf(answer.AccessToken).auth_time).toBe(claimsOf(first.AccessToken).auth_time);
    expect((await getTokens(answer.RefreshToken, 'rotating1')).status).toBe(200);
  });

  it('keeps the old token working for the grace period, then refuses it', async () => {
    const first = await signIn('rotating1');
    await getTokens(first.RefreshToken, 'rotating1');
    emulator.advanceClock(9_000);
    expect((await getTokens(first.RefreshToken, 'rotating1')).status).toBe(200);
    emulator.advanceClock(2_000);
    const late = await getTokens(first.RefreshToken, 'rotating1');
    expect(late.body.__type).toBe('RefreshTokenReuseException');
  });

  it('refuses the old token at once with a zero grace period', async () => {
    const first = await signIn('rotatingnograce1');
    await getTokens(first.RefreshToken, 'rotatingnograce1');
    emulator.advanceClock(1);
    expect((await getTokens(first.RefreshToken, 'rotatingnograce1')).body.__type).toBe('RefreshTokenReuseException');
  });

  it('refuses expired, revoked and foreign tokens like REFRESH_TOKEN_AUTH', async () => {
    expect((await getTokens('nope')).body.message).toBe('Invalid Refresh Token');
    const token = (await signIn()).RefreshToken;
    expect((await getTokens(token, 'rotating1')).body.message).toBe('Invalid Refresh Token');
    await call(emulator, 'RevokeToken', { Token: token, ClientId: 'publicclient1' });
    expect((await getTokens(token)).body.message).toBe('Refresh Token has been revoked');
    const other = (await signIn()).RefreshToken;
    emulator.advanceClock(2_592_000_000);
    expect((await getTokens(other)).body.message).toBe('Refresh Token has expired');
  });

  it('revokes the rotated successors when the original is revoked', async () => {
    const first = await signIn('rotating1');
    const next = authResult(await getTokens(first.RefreshToken, 'rotating1')).RefreshToken;
    await call(emulator, 'RevokeToken', { Token: first.RefreshToken, ClientId: 'rotating1' });
    expect((await getTokens(next, 'rotating1')).body.message).toBe('Refresh Token has been revoked');
  });
});
