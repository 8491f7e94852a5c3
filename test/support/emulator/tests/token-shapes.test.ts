import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { startEmulator } from '../index.ts';
import { authResult, claimsOf, passwordSignIn } from './emulator-test-kit.ts';

// Tokens shaped and sized like AWS's, so storage limits (keychains, headers) meet realistic values.
describe('token shapes and sizes', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 'test/support/seeds/emulator-full.json' });
  });
  afterAll(() => emulator.close());

  it('hands out refresh tokens shaped as a compact JWE of about 1,780 characters', async () => {
    const token = String(authResult(await passwordSignIn(emulator, 'alice')).RefreshToken);
    const parts = token.split('.');
    expect(parts).toHaveLength(5);
    expect(JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString())).toEqual({
      cty: 'JWT',
      enc: 'A256GCM',
      alg: 'RSA-OAEP',
    });
    expect(Buffer.from(parts[1] ?? '', 'base64url')).toHaveLength(256);
    expect(Buffer.from(parts[2] ?? '', 'base64url')).toHaveLength(12);
    expect(Buffer.from(parts[4] ?? '', 'base64url')).toHaveLength(16);
    expect(token.length).toBe(1780);
  });

  it('mints access tokens of about 1.1 KB with the claims AWS puts in them, in its order', async () => {
    const token = String(authResult(await passwordSignIn(emulator, 'alice')).AccessToken);
    expect(token.length).toBeGreaterThan(1000);
    expect(token.length).toBeLessThan(1300);
    expect(Object.keys(claimsOf(token))).toEqual([
      'sub',
      'cognito:groups',
      'iss',
      'version',
      'client_id',
      'origin_jti',
      'event_id',
      'token_use',
      'scope',
      'auth_time',
      'exp',
      'iat',
      'jti',
      'username',
    ]);
    expect(claimsOf(token)).toMatchObject({ version: 2, scope: 'aws.cognito.signin.user.admin', token_use: 'access' });
  });

  it('puts every attribute and group in the ID token: a dozen custom attributes reach 3-4 KB', async () => {
    const token = String(authResult(await passwordSignIn(emulator, 'wideuser')).IdToken);
    const claims = claimsOf(token);
    expect(Object.keys(claims).filter((name) => name.startsWith('custom:'))).toHaveLength(12);
    expect(claims['cognito:groups']).toHaveLength(6);
    expect(claims).toMatchObject({
      'cognito:username': 'wideuser',
      email_verified: true,
      phone_number_verified: true,
      token_use: 'id',
    });
    expect(token.length).toBeGreaterThanOrEqual(3000);
    expect(token.length).toBeLessThanOrEqual(4096);
  });
});
