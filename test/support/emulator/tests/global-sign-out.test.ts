import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { authResult, call, passwordSignIn, start } from './emulator-test-kit.ts';

describe('GlobalSignOut', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start();
  });
  afterAll(() => emulator.close());

  const signOut = (token: unknown) => call(emulator, 'GlobalSignOut', { AccessToken: token });
  const refresh = (token: unknown) =>
    call(emulator, 'InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: 'publicclient1',
      AuthParameters: { REFRESH_TOKEN: String(token) },
    });

  it('revokes every refresh token of the user and answers {}', async () => {
    const laptop = authResult(await passwordSignIn(emulator, 'alice'));
    const phone = authResult(await passwordSignIn(emulator, 'alice'));
    const other = authResult(await passwordSignIn(emulator, 'bob'));
    expect(await signOut(laptop.AccessToken)).toMatchObject({ status: 200, body: {} });
    expect((await refresh(laptop.RefreshToken)).body.message).toBe('Refresh Token has been revoked');
    expect((await refresh(phone.RefreshToken)).body.message).toBe('Refresh Token has been revoked');
    expect((await refresh(other.RefreshToken)).status).toBe(200);
  });

  it('makes the same access token fail a later GlobalSignOut', async () => {
    const session = authResult(await passwordSignIn(emulator, 'alice'));
    await signOut(session.AccessToken);
    expect((await signOut(session.AccessToken)).body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
  });

  it('accepts access tokens from sign-ins after the sign-out', async () => {
    await signOut(authResult(await passwordSignIn(emulator, 'alice')).AccessToken);
    const fresh = authResult(await passwordSignIn(emulator, 'alice'));
    expect((await signOut(fresh.AccessToken)).status).toBe(200);
  });

  it('refuses an expired access token', async () => {
    const session = authResult(await passwordSignIn(emulator, 'bob'));
    emulator.advanceClock(3_601_000);
    expect((await signOut(session.AccessToken)).body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Access Token has expired',
    });
  });

  it('refuses an ID token, a forged token and garbage', async () => {
    const session = authResult(await passwordSignIn(emulator, 'bob'));
    const [header, payload] = String(session.AccessToken).split('.');
    expect((await signOut(session.IdToken)).body.message).toBe('Invalid Access Token');
    expect((await signOut(`${header}.${payload}.AAAA`)).body.message).toBe('Invalid Access Token');
    expect((await signOut('garbage')).body.message).toBe('Invalid Access Token');
  });
});
