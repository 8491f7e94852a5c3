import { describe, expect, it } from 'vitest';
import type { ChallengeView, ProfileView } from '../../../main/ipc/contract.ts';
import { PASSWORDS_DIFFER } from '../../../main/shared/new-password.ts';
import {
  challengeForm,
  formProblem,
  passwordForm,
  toAnswer,
  tooManyWrongCodes,
} from '../../../renderer/challenge-forms.ts';

const names = (prompt: ChallengeView) => challengeForm(prompt).fields.map((f) => f.name);

describe('the sign-in dialog steps for each challenge', () => {
  it('asks for a new password and the missing required attributes', () => {
    const prompt = { name: 'NEW_PASSWORD_REQUIRED', requiredAttributes: ['email'] };
    expect(names(prompt)).toEqual(['newPassword', 'newPasswordAgain', 'attr:email']);
    const fields = { newPassword: 'N3w-Password!', newPasswordAgain: 'N3w-Password!', 'attr:email': 'a@example.com' };
    expect(formProblem(challengeForm(prompt), fields)).toBeUndefined();
    expect(formProblem(challengeForm(prompt), { ...fields, newPasswordAgain: 'N3w-Password' })).toBe(PASSWORDS_DIFFER);
    expect(toAnswer(prompt, fields)).toEqual({
      newPassword: 'N3w-Password!',
      attributes: { email: 'a@example.com' },
    });
  });

  it('asks for SMS, e-mail and TOTP codes, with "remember this device"', () => {
    for (const name of ['SMS_MFA', 'SMS_OTP', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA']) {
      expect(names({ name })).toEqual(['code', 'rememberDevice']);
      expect(toAnswer({ name }, { code: ' 123456 ', rememberDevice: 'on' })).toEqual({
        code: '123456',
        rememberDevice: true,
      });
    }
    expect(challengeForm({ name: 'SMS_MFA', destination: '+*******1234' }).intro).toBe(
      'Enter the code sent to +*******1234.',
    );
  });

  it('offers the MFA choice and the sign-in method choice as options', () => {
    const form = challengeForm({ name: 'SELECT_MFA_TYPE', options: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] });
    expect(form.fields[0]).toMatchObject({
      kind: 'choice',
      options: [
        { value: 'SMS_MFA', label: 'Text message (SMS)' },
        { value: 'SOFTWARE_TOKEN_MFA', label: 'Authenticator app (TOTP)' },
      ],
    });
    expect(toAnswer({ name: 'SELECT_MFA_TYPE' }, { select: 'SMS_MFA' })).toEqual({ select: 'SMS_MFA' });
    expect(names({ name: 'SELECT_CHALLENGE', options: ['PASSWORD', 'EMAIL_OTP'] })).toEqual(['select', 'password']);
    expect(toAnswer({ name: 'SELECT_CHALLENGE' }, { select: 'PASSWORD', password: 'pw' })).toEqual({
      select: 'PASSWORD',
      password: 'pw',
    });
  });

  it('shows the QR code and key for TOTP set-up, then asks for the code', () => {
    const form = challengeForm({
      name: 'MFA_SETUP',
      totpSecret: 'ABCDEF',
      otpauthUri: 'otpauth://totp/x?secret=ABCDEF',
    });
    expect(form.qrCode).toEqual({ uri: 'otpauth://totp/x?secret=ABCDEF', secret: 'ABCDEF' });
    expect(toAnswer({ name: 'MFA_SETUP' }, { code: '654321' })).toEqual({ code: '654321' });
  });

  it('shows a custom challenge\u2019s public parameters and sends the answer', () => {
    const form = challengeForm({ name: 'CUSTOM_CHALLENGE', parameters: { question: '2+2?' } });
    expect(form.facts).toEqual([['question', '2+2?']]);
    expect(toAnswer({ name: 'CUSTOM_CHALLENGE' }, { answer: '4' })).toEqual({ answer: '4' });
  });

  it('makes the password optional for flows that may not need one', () => {
    const profile = { name: 'p', signIn: 'password', passwordOptional: true } as ProfileView;
    expect(passwordForm(profile).fields[1]).toMatchObject({ name: 'password', required: false });
    expect(passwordForm({ name: 'p', signIn: 'password' } as ProfileView).fields[1]).toMatchObject({ required: true });
  });

  it('says how many wrong codes ended a sign-in, as ctm login does', () => {
    expect(tooManyWrongCodes(1)).toBe(
      'Too many wrong codes: Cognito ended this sign-in after 1 wrong code. Sign in again.',
    );
    expect(tooManyWrongCodes(3)).toBe(
      'Too many wrong codes: Cognito ended this sign-in after 3 wrong codes. Sign in again.',
    );
  });
});
