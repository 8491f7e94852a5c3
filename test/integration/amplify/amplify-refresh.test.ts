import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { startEmulator, type Emulator } from '../../support/emulator/index.ts';
import { configureAmplify, type MemoryKeyValueStorage } from './amplify-client.ts';
import { AMPLIFY_PASSWORD, amplifySeed } from './amplify-seed.ts';

function storedRefreshToken(storage: MemoryKeyValueStorage): string | undefined {
  return [...storage.items].find(([key]) => key.endsWith('.refreshToken'))?.[1];
}

// Refresh and sign-out as Amplify v6 does them: GetTokensFromRefreshToken (with rotation on and off) and RevokeToken.
describe('Amplify v6 refreshes and signs out against the emulator', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: amplifySeed });
  });
  afterAll(() => emulator.close());

  const since = (from: number, operation: string) =>
    emulator.requests.slice(from).filter((request) => request.operation === operation);

  it('refreshes without rotation: new access token, the same refresh token', async () => {
    const storage = configureAmplify(emulator.endpoint, 'us-east-1_Amplify1', 'amplifyclient1');
    await signIn({ username: 'sam', password: AMPLIFY_PASSWORD });
    const before = await fetchAuthSession();
    const refreshToken = storedRefreshToken(storage);
    expect(refreshToken?.split('.')).toHaveLength(5);
    emulator.advanceClock(1_000);
    const from = emulator.requests.length;
    const after = await fetchAuthSession({ forceRefresh: true });
    expect(since(from, 'GetTokensFromRefreshToken')).toHaveLength(1);
    expect(after.tokens?.accessToken.payload.jti).not.toBe(before.tokens?.accessToken.payload.jti);
    expect(storedRefreshToken(storage)).toBe(refreshToken);
    await signOut();
  });

  it('refreshes with rotation: Amplify stores the new refresh token, and the old one is refused', async () => {
    const storage = configureAmplify(emulator.endpoint, 'us-east-1_Amplify1', 'amplifyrotating1');
    await signIn({ username: 'sam', password: AMPLIFY_PASSWORD });
    const first = storedRefreshToken(storage);
    await fetchAuthSession({ forceRefresh: true });
    const second = storedRefreshToken(storage);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    emulator.advanceClock(1_000);
    const reuse = await fetch(emulator.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.GetTokensFromRefreshToken',
      },
      body: JSON.stringify({ ClientId: 'amplifyrotating1', RefreshToken: first }),
    });
    expect(((await reuse.json()) as { __type: string }).__type).toBe('RefreshTokenReuseException');
    await fetchAuthSession({ forceRefresh: true });
    expect(storedRefreshToken(storage)).not.toBe(second);
    await signOut();
  });

  it('signs out with RevokeToken, after which the refresh token no longer works', async () => {
    const storage = configureAmplify(emulator.endpoint, 'us-east-1_Amplify1', 'amplifyclient1');
    await signIn({ username: 'sam', password: AMPLIFY_PASSWORD });
    const refreshToken = storedRefreshToken(storage);
    const from = emulator.requests.length;
    await signOut();
    expect(since(from, 'RevokeToken').map((request) => request.body.Token)).toEqual([refreshToken]);
    const after = await fetch(emulator.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.GetTokensFromRefreshToken',
      },
      body: JSON.stringify({ ClientId: 'amplifyclient1', RefreshToken: refreshToken }),
    });
    expect(await after.json()).toEqual({ __type: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
  });
});
