import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { call, passwordSignIn, start } from './emulator-test-kit.ts';

describe('fault injection', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start();
  });
  afterEach(() => emulator.faults.clear());
  afterAll(() => emulator.close());

  const revoke = () => call(emulator, 'RevokeToken', { Token: 'x', ClientId: 'publicclient1' });

  it('delays one operation by the given latency', async () => {
    emulator.faults.latency('InitiateAuth', 300);
    const started = performance.now();
    await passwordSignIn(emulator, 'alice');
    const slow = performance.now() - started;
    const quick = performance.now();
    await revoke();
    expect(slow).toBeGreaterThanOrEqual(290);
    expect(performance.now() - quick).toBeLessThan(250);
  });

  it('fails an operation with HTTP 500 the given number of times', async () => {
    emulator.faults.fail('InitiateAuth', { status: 500, times: 2 });
    const first = await passwordSignIn(emulator, 'alice');
    const second = await passwordSignIn(emulator, 'alice');
    const third = await passwordSignIn(emulator, 'alice');
    expect([first.status, second.status, third.status]).toEqual([500, 500, 200]);
    expect(first.body.__type).toBe('InternalErrorException');
  });

  it('fails with HTTP 503 and leaves other operations alone', async () => {
    emulator.faults.fail('InitiateAuth', { status: 503, times: 1 });
    expect((await revoke()).status).toBe(200);
    expect((await passwordSignIn(emulator, 'alice')).status).toBe(503);
  });

  it('throttles with TooManyRequestsException and LimitExceededException', async () => {
    emulator.faults.throttle('InitiateAuth', { type: 'TooManyRequestsException', times: 1 });
    emulator.faults.throttle('RevokeToken', { type: 'LimitExceededException', times: 1 });
    expect(await passwordSignIn(emulator, 'alice')).toMatchObject({
      status: 400,
      body: { __type: 'TooManyRequestsException' },
    });
    expect((await revoke()).body.__type).toBe('LimitExceededException');
    expect((await revoke()).status).toBe(200);
  });

  it("applies '*' to every operation until clear()", async () => {
    emulator.faults.fail('*', { status: 500 });
    expect((await revoke()).status).toBe(500);
    expect((await passwordSignIn(emulator, 'alice')).status).toBe(500);
    emulator.faults.clear();
    expect((await revoke()).status).toBe(200);
  });

  it('resets the connection mid-response after running the operation', async () => {
    emulator.faults.resetConnection('InitiateAuth', { times: 1 });
    const before = emulator.requests.length;
    await expect(passwordSignIn(emulator, 'alice')).rejects.toThrow();
    expect(emulator.requests.length).toBe(before + 1);
    expect((await passwordSignIn(emulator, 'alice')).status).toBe(200);
  });

  it('refuses connections while down, then recovers', async () => {
    emulator.faults.down(400);
    await expect(passwordSignIn(emulator, 'alice')).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await passwordSignIn(emulator, 'alice')).status).toBe(200);
  });

  it('answers UnexpectedLambdaException from a failing trigger, then recovers', async () => {
    emulator.faults.lambdaFailure('InitiateAuth', { times: 1 });
    const failed = await passwordSignIn(emulator, 'alice');
    expect(failed).toMatchObject({ status: 400, body: { __type: 'UnexpectedLambdaException' } });
    expect(String(failed.body.message)).toMatch(/^PreTokenGeneration failed with error/);
    expect((await passwordSignIn(emulator, 'alice')).status).toBe(200);
  });

  it('answers an operation the server lacks as AWS JSON 1.1 does: HTTP 400 coral UnknownOperationException', async () => {
    emulator.faults.unknownOperation('GetTokensFromRefreshToken');
    const answer = await call(emulator, 'GetTokensFromRefreshToken', { RefreshToken: 'x', ClientId: 'publicclient1' });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ __type: 'com.amazon.coral.service#UnknownOperationException' });
    expect((await passwordSignIn(emulator, 'alice')).status).toBe(200);
  });

  it('answers an operation the server lacks as cognito-local does: HTTP 500 CognitoLocal#Unsupported', async () => {
    emulator.faults.unknownOperation('GetTokensFromRefreshToken', { style: 'cognito-local' });
    const answer = await call(emulator, 'GetTokensFromRefreshToken', { RefreshToken: 'x', ClientId: 'publicclient1' });
    expect(answer.status).toBe(500);
    expect(answer.body.__type).toBe('CognitoLocal#Unsupported');
    expect(String(answer.body.message)).toContain('GetTokensFromRefreshToken');
  });

  it('records faulted requests too', async () => {
    emulator.faults.throttle('*', { type: 'TooManyRequestsException', times: 1 });
    const before = emulator.requests.length;
    await revoke();
    expect(emulator.requests[before]?.operation).toBe('RevokeToken');
  });
});
