import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { secretHashFor } from '../index.ts';
import { authResult, baseSeed, call, clientSecret, passwordSignIn, start } from './emulator-test-kit.ts';

describe('RevokeToken', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start(
      baseSeed((seed) => {
        seed.pools[0]?.clients.push({ id: 'norevocation1', enableTokenRevocation: false });
      }),
    );
  });
  afterAll(() => emulator.close());

  async function secretSignIn(): Promise<Record<string, unknown>> {
    return authResult(
      await passwordSignIn(
        emulator,
        'alice',
        { SECRET_HASH: secretHashFor(clientSecret, 'alice', 'secretclient1') },
        'secretclient1',
      ),
    );
  }

  it('revokes a refresh token of a public client and answers {}', async () => {
    const token = authResult(await passwordSignIn(emulator, 'alice')).RefreshToken;
    const answer = await call(emulator, 'RevokeToken', { Token: token, ClientId: 'publicclient1' });
    expect(answer).toMatchObject({ status: 200, body: {} });
  });

  it('answers UnsupportedOperationException on a client with token revocation off, and the token keeps working', async () => {
    const token = authResult(await passwordSignIn(emulator, 'alice', {}, 'norevocation1')).RefreshToken;
    const answer = await call(emulator, 'RevokeToken', { Token: token, ClientId: 'norevocation1' });
    expect(answer.status).toBe(400);
    expect(answer.body.__type).toBe('UnsupportedOperationException');
    const refresh = await call(emulator, 'GetTokensFromRefreshToken', {
      RefreshToken: token,
      ClientId: 'norevocation1',
    });
    expect(refresh.status).toBe(200);
  });

  it('requires the ClientSecret of a client with a secret', async () => {
    const token = (await secretSignIn()).RefreshToken;
    const answer = await call(emulator, 'RevokeToken', { Token: token, ClientId: 'secretclient1' });
    expect(answer.status).toBe(400);
    expect(answer.body.__type).toBe('UnauthorizedException');
  });

  it('refuses a wrong ClientSecret', async () => {
    const token = (await secretSignIn()).RefreshToken;
    const answer = await call(emulator, 'RevokeToken', {
      Token: token,
      ClientId: 'secretclient1',
      ClientSecret: 'wrong',
    });
    expect(answer.body.__type).toBe('UnauthorizedException');
  });

  it('accepts the right ClientSecret', async () => {
    const token = (await secretSignIn()).RefreshToken;
    const answer = await call(emulator, 'RevokeToken', {
      Token: token,
      ClientId: 'secretclient1',
      ClientSecret: clientSecret,
    });
    expect(answer.status).toBe(200);
  });

  it('refuses a token of another client', async () => {
    const token = authResult(await passwordSignIn(emulator, 'alice')).RefreshToken;
    const answer = await call(emulator, 'RevokeToken', { Token: token, ClientId: 'passwordonly1' });
    expect(answer.body.__type).toBe('UnauthorizedException');
  });

  it('refuses an access token with UnsupportedTokenTypeException', async () => {
    const token = authResult(await passwordSignIn(emulator, 'alice')).AccessToken;
    const answer = await call(emulator, 'RevokeToken', { Token: token, ClientId: 'publicclient1' });
    expect(answer.body.__type).toBe('UnsupportedTokenTypeException');
  });

  it('names a missing Token and an unknown client', async () => {
    expect((await call(emulator, 'RevokeToken', { ClientId: 'publicclient1' })).body.__type).toBe(
      'InvalidParameterException',
    );
    expect((await call(emulator, 'RevokeToken', { Token: 'x', ClientId: 'ghost' })).body.__type).toBe(
      'ResourceNotFoundException',
    );
  });
});
