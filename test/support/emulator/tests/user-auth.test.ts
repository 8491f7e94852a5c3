import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { authResult, baseSeed, call, password, start } from './emulator-test-kit.ts';
import { parametersOf, poolName, respond } from './sign-in-steps.ts';
import { passwordClaim, startClientSrp } from './srp-test-client.ts';

describe('InitiateAuth USER_AUTH (choice-based)', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start(
      baseSeed((seed) => {
        seed.pools[0]?.users.push({
          username: 'otp',
          password,
          attributes: { email: 'otp@example.com' },
          mfa: { enabled: ['SMS_MFA'], phone: '+15555554321' },
        });
      }),
    );
  });
  afterAll(() => emulator.close());

  function begin(username: string, params: Record<string, string> = {}) {
    return call(emulator, 'InitiateAuth', {
      AuthFlow: 'USER_AUTH',
      ClientId: 'publicclient1',
      AuthParameters: { USERNAME: username, ...params },
    });
  }

  it('signs in directly with PREFERRED_CHALLENGE=PASSWORD', async () => {
    const answer = await begin('bob', { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: password });
    expect(typeof authResult(answer).AccessToken).toBe('string');
  });

  it('still asks for MFA after a password', async () => {
    const answer = await begin('otp', { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: password });
    expect(answer.body.ChallengeName).toBe('SMS_MFA');
  });

  it('refuses a wrong PASSWORD', async () => {
    const answer = await begin('bob', { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'nope' });
    expect(answer.body.__type).toBe('NotAuthorizedException');
  });

  it('answers PASSWORD_VERIFIER for PREFERRED_CHALLENGE=PASSWORD_SRP', async () => {
    const start = startClientSrp();
    const verifier = await begin('bob', { PREFERRED_CHALLENGE: 'PASSWORD_SRP', SRP_A: start.srpA });
    expect(verifier.body.ChallengeName).toBe('PASSWORD_VERIFIER');
    const claim = passwordClaim({ start, poolName, userId: 'bob', password, parameters: parametersOf(verifier) });
    expect((await respond(emulator, verifier, 'bob', claim)).status).toBe(200);
  });

  it('signs in without a password through EMAIL_OTP, skipping MFA', async () => {
    const challenge = await begin('otp', { PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    expect(challenge.body.ChallengeName).toBe('EMAIL_OTP');
    const answer = await respond(emulator, challenge, 'otp', { EMAIL_OTP_CODE: emulator.outbox('otp').at(-1) ?? '' });
    expect(typeof authResult(answer).AccessToken).toBe('string');
  });

  it('signs in through SMS_OTP', async () => {
    const challenge = await begin('otp', { PREFERRED_CHALLENGE: 'SMS_OTP' });
    expect(parametersOf(challenge).CODE_DELIVERY_DESTINATION).toBe('+*******4321');
    const answer = await respond(emulator, challenge, 'otp', { SMS_OTP_CODE: emulator.outbox('otp').at(-1) ?? '' });
    expect(answer.status).toBe(200);
  });

  it('offers SELECT_CHALLENGE with AvailableChallenges without a preference', async () => {
    const answer = await begin('otp');
    expect(answer.body.ChallengeName).toBe('SELECT_CHALLENGE');
    expect(answer.body.AvailableChallenges).toEqual(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP']);
  });

  it('accepts ANSWER=PASSWORD with PASSWORD at SELECT_CHALLENGE', async () => {
    const select = await begin('bob');
    const answer = await respond(emulator, select, 'bob', { ANSWER: 'PASSWORD', PASSWORD: password });
    expect(typeof authResult(answer).AccessToken).toBe('string');
  });

  it('accepts ANSWER=EMAIL_OTP at SELECT_CHALLENGE', async () => {
    const select = await begin('bob');
    const challenge = await respond(emulator, select, 'bob', { ANSWER: 'EMAIL_OTP' });
    expect(challenge.body.ChallengeName).toBe('EMAIL_OTP');
  });

  it('refuses an ANSWER that is not available', async () => {
    const select = await begin('bob');
    expect((await respond(emulator, select, 'bob', { ANSWER: 'WEB_AUTHN' })).body.__type).toBe(
      'InvalidParameterException',
    );
  });
});
