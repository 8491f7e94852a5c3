import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { startEmulator } from '../index.ts';
import { authResult, baseSeed, claimsOf, passwordSignIn } from './emulator-test-kit.ts';

// A server whose clock differs from the client's: token times are in server time, whatever the machine says.
describe('server clock offset', () => {
  const twoHours = 7_200_000;
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: baseSeed(), clockOffsetMs: -twoHours });
  });
  afterAll(() => emulator.close());

  it('mints iat, auth_time and exp on the server clock, two hours behind the machine', async () => {
    const machineSeconds = Date.now() / 1000;
    const claims = claimsOf(authResult(await passwordSignIn(emulator, 'alice')).AccessToken);
    expect(Math.abs(Number(claims.iat) - (machineSeconds - twoHours / 1000))).toBeLessThan(5);
    expect(claims.auth_time).toBe(claims.iat);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
  });

  it('reports the server time through now()', () => {
    expect(Math.abs(emulator.now() - (Date.now() - twoHours))).toBeLessThan(5_000);
  });
});
