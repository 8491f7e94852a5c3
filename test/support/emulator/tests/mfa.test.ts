import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { totpCode } from '../totp.ts';
import { authResult, baseSeed, passwordSignIn, start } from './emulator-test-kit.ts';
import { parametersOf, respond } from './sign-in-steps.ts';

const totpSecret = 'JBSWY3DPEHPK3PXP';

describe('MFA challenges', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start(
      baseSeed((seed) => {
        seed.pools[0]?.users.push(
          {
            username: 'sms',
            password: 'Correct-Horse-1',
            attributes: { phone_number: '+15555551234' },
            mfa: { enabled: ['SMS_MFA'] },
          },
          {
            username: 'mail',
            password: 'Correct-Horse-1',
            attributes: { email: 'mail@example.com' },
            mfa: { enabled: ['EMAIL_OTP'] },
          },
          { username: 'totp', password: 'Correct-Horse-1', mfa: { totpSecret, enabled: ['SOFTWARE_TOKEN_MFA'] } },
          {
            username: 'both',
            password: 'Correct-Horse-1',
            attributes: { phone_number: '+15555559876' },
            mfa: { totpSecret, enabled: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] },
          },
          {
            username: 'pref',
            password: 'Correct-Horse-1',
            attributes: { phone_number: '+15555559876' },
            mfa: { totpSecret, enabled: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' },
          },
        );
      }),
    );
  });
  afterAll(() => emulator.close());

  it('sends an SMS code to the outbox and masks the destination', async () => {
    const answer = await passwordSignIn(emulator, 'sms');
    expect(answer.body.ChallengeName).toBe('SMS_MFA');
    expect(parametersOf(answer)).toMatchObject({
      CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
      CODE_DELIVERY_DESTINATION: '+*******1234',
    });
    expect(emulator.outbox('sms').at(-1)).toMatch(/^\d{6}$/);
  });

  it('issues tokens for the right SMS code', async () => {
    const challenge = await passwordSignIn(emulator, 'sms');
    const code = emulator.outbox('sms').at(-1) ?? '';
    const answer = await respond(emulator, challenge, 'sms', { SMS_MFA_CODE: code });
    expect(typeof authResult(answer).AccessToken).toBe('string');
  });

  it('answers CodeMismatchException for a wrong code and lets the session retry', async () => {
    const challenge = await passwordSignIn(emulator, 'sms');
    const wrong = await respond(emulator, challenge, 'sms', {
      SMS_MFA_CODE: '000000' === emulator.outbox('sms').at(-1) ? '111111' : '000000',
    });
    expect(wrong.body).toEqual({ __type: 'CodeMismatchException', message: 'Invalid code received for user' });
    const right = await respond(emulator, challenge, 'sms', { SMS_MFA_CODE: emulator.outbox('sms').at(-1) ?? '' });
    expect(right.status).toBe(200);
  });

  it('spends the session after three wrong codes', async () => {
    const challenge = await passwordSignIn(emulator, 'sms');
    const bad = emulator.outbox('sms').at(-1) === '000000' ? '111111' : '000000';
    for (let i = 0; i < 3; i += 1) await respond(emulator, challenge, 'sms', { SMS_MFA_CODE: bad });
    const late = await respond(emulator, challenge, 'sms', { SMS_MFA_CODE: emulator.outbox('sms').at(-1) ?? '' });
    expect(late.body.message).toBe('Invalid session for the user, session can only be used once.');
  });

  it('sends an e-mail code for EMAIL_OTP', async () => {
    const challenge = await passwordSignIn(emulator, 'mail');
    expect(challenge.body.ChallengeName).toBe('EMAIL_OTP');
    expect(parametersOf(challenge)).toMatchObject({
      CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
      CODE_DELIVERY_DESTINATION: 'm***@e***',
    });
    const answer = await respond(emulator, challenge, 'mail', { EMAIL_OTP_CODE: emulator.outbox('mail').at(-1) ?? '' });
    expect(answer.status).toBe(200);
  });

  it('checks SOFTWARE_TOKEN_MFA codes by RFC 6238 on the emulator clock', async () => {
    emulator.advanceClock(3_600_000);
    const challenge = await passwordSignIn(emulator, 'totp');
    expect(challenge.body.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const wallClock = await respond(emulator, challenge, 'totp', {
      SOFTWARE_TOKEN_MFA_CODE: totpCode(totpSecret, Date.now()),
    });
    expect(wallClock.body.__type).toBe('CodeMismatchException');
    const answer = await respond(emulator, challenge, 'totp', {
      SOFTWARE_TOKEN_MFA_CODE: totpCode(totpSecret, emulator.now()),
    });
    expect(answer.status).toBe(200);
  });

  it('accepts a TOTP code one step off and refuses two steps off', async () => {
    const previous = await passwordSignIn(emulator, 'totp');
    expect(
      (
        await respond(emulator, previous, 'totp', {
          SOFTWARE_TOKEN_MFA_CODE: totpCode(totpSecret, emulator.now() - 30_000),
        })
      ).status,
    ).toBe(200);
    const old = await passwordSignIn(emulator, 'totp');
    const answer = await respond(emulator, old, 'totp', {
      SOFTWARE_TOKEN_MFA_CODE: totpCode(totpSecret, emulator.now() - 90_000),
    });
    expect(answer.body.__type).toBe('CodeMismatchException');
  });

  it('asks SELECT_MFA_TYPE when several methods are enabled and none preferred', async () => {
    const challenge = await passwordSignIn(emulator, 'both');
    expect(challenge.body.ChallengeName).toBe('SELECT_MFA_TYPE');
    expect(JSON.parse(parametersOf(challenge).MFAS_CAN_CHOOSE ?? '')).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
    const chosen = await respond(emulator, challenge, 'both', { ANSWER: 'SOFTWARE_TOKEN_MFA' });
    expect(chosen.body.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const answer = await respond(emulator, chosen, 'both', {
      SOFTWARE_TOKEN_MFA_CODE: totpCode(totpSecret, emulator.now()),
    });
    expect(answer.status).toBe(200);
  });

  it('refuses a SELECT_MFA_TYPE answer outside MFAS_CAN_CHOOSE', async () => {
    const challenge = await passwordSignIn(emulator, 'both');
    expect((await respond(emulator, challenge, 'both', { ANSWER: 'EMAIL_OTP' })).body.__type).toBe(
      'InvalidParameterException',
    );
  });

  it('uses the preferred method without asking', async () => {
    expect((await passwordSignIn(emulator, 'pref')).body.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  });
});
