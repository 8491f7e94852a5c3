import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { authResult, call, passwordSignIn, start } from './emulator-test-kit.ts';

describe('control endpoint /__emulator/', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start();
  });
  afterEach(() => emulator.faults.clear());
  afterAll(() => emulator.close());

  async function control(
    path: string,
    body?: unknown,
    method = 'POST',
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${emulator.endpoint}__emulator/${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('injects and clears faults', async () => {
    expect((await control('faults', { action: 'fail', op: 'InitiateAuth', status: 503, times: 1 })).body).toEqual({
      ok: true,
    });
    expect((await passwordSignIn(emulator, 'alice')).status).toBe(503);
    await control('faults', { action: 'throttle', op: '*', type: 'LimitExceededException' });
    expect((await passwordSignIn(emulator, 'alice')).body.__type).toBe('LimitExceededException');
    await control('faults', { action: 'clear' });
    expect((await passwordSignIn(emulator, 'alice')).status).toBe(200);
  });

  it('supports latency, resetConnection and down', async () => {
    await control('faults', { action: 'latency', op: 'InitiateAuth', ms: 200 });
    const started = performance.now();
    await passwordSignIn(emulator, 'alice');
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    await control('faults', { action: 'resetConnection', op: 'InitiateAuth', times: 1 });
    await expect(passwordSignIn(emulator, 'alice')).rejects.toThrow();
    await control('faults', { action: 'down', ms: 300 });
    await expect(passwordSignIn(emulator, 'alice')).rejects.toThrow();
  });

  it('injects Lambda failures and unknown operations', async () => {
    await control('faults', { action: 'lambdaFailure', op: 'InitiateAuth', trigger: 'PreAuthentication', times: 1 });
    expect((await passwordSignIn(emulator, 'alice')).body.message).toBe(
      'PreAuthentication failed with error Injected Lambda failure.',
    );
    await control('faults', { action: 'unknownOperation', op: 'RevokeToken', style: 'cognito-local' });
    expect((await call(emulator, 'RevokeToken', { Token: 'x', ClientId: 'publicclient1' })).status).toBe(500);
    expect((await control('faults', { action: 'unknownOperation', style: 'moto' })).status).toBe(400);
  });

  it('refuses a malformed fault with HTTP 400', async () => {
    expect((await control('faults', { action: 'explode' })).status).toBe(400);
    expect((await control('faults', { action: 'fail', status: 418 })).status).toBe(400);
  });

  it('is not subject to the faults it sets', async () => {
    await control('faults', { action: 'fail', op: '*', status: 500 });
    expect((await control('faults', { action: 'clear' })).status).toBe(200);
  });

  it('advances the clock and reads the outbox', async () => {
    const before = emulator.now();
    const moved = await control('clock', { advanceMs: 60_000 });
    expect(Number(moved.body.now)).toBeGreaterThanOrEqual(before + 60_000);
    expect((await control('outbox?username=nobody', undefined, 'GET')).body).toEqual({ codes: [] });
  });

  it('revokes all tokens of a user', async () => {
    const token = authResult(await passwordSignIn(emulator, 'bob')).RefreshToken;
    await control('revoke-all', { username: 'bob' });
    const answer = await call(emulator, 'InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: 'publicclient1',
      AuthParameters: { REFRESH_TOKEN: token },
    });
    expect(answer.body.message).toBe('Refresh Token has been revoked');
  });
});
