import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, totpCode, type Emulator, type Seed } from '../../../support/emulator/index.ts';
import {
  challengesSince,
  conversationFor,
  FULL_SEED,
  memoryDevices,
  PASSWORD,
  profileOf,
  promptOf,
} from './conversation-kit.ts';

function seedWithThreeRounds(): Seed {
  const seed = JSON.parse(readFileSync(FULL_SEED, 'utf8')) as Seed;
  seed.pools[0]?.users.push({
    username: 'riddler',
    password: PASSWORD,
    attributes: { email: 'r@example.com' },
    customChallenge: {
      rounds: [
        { parameters: { q: 'one' }, answer: '1' },
        { parameters: { q: 'two' }, answer: '2' },
        { parameters: { q: 'three' }, answer: '3' },
      ],
    },
  });
  return seed;
}

describe('sign-in conversation: every challenge, against the emulator over HTTP', () => {
  let emulator: Emulator;
  const signIn = (username: string, fields: Record<string, unknown> = {}) =>
    conversationFor(emulator, profileOf(emulator, { username, ...fields }));
  beforeAll(async () => {
    emulator = await startEmulator({ seed: seedWithThreeRounds() });
  });
  afterAll(() => emulator.close());

  it('NEW_PASSWORD_REQUIRED asks for the pool\u2019s required attributes and sends them with the new password', async () => {
    const conversation = signIn('newbie');
    const prompt = promptOf(await conversation.start({ password: 'Temp-Pass-1' }));
    expect(prompt).toEqual({ name: 'NEW_PASSWORD_REQUIRED', requiredAttributes: ['email'] });
    await expect(conversation.answer({ newPassword: 'Brand-New-Pass-2' })).rejects.toThrow(/also needs: email/);
    const from = emulator.requests.length;
    expect(
      (await conversation.answer({ newPassword: 'Brand-New-Pass-2', attributes: { email: 'newbie@example.com' } }))
        .kind,
    ).toBe('tokens');
    expect(emulator.requests[from]?.body.ChallengeResponses).toMatchObject({
      NEW_PASSWORD: 'Brand-New-Pass-2',
      'userAttributes.email': 'newbie@example.com',
    });
  });

  it.each([
    ['smsuser', 'SMS_MFA', '+*******9999'],
    ['mailuser', 'EMAIL_OTP', 'm***@e***'],
  ])('%s gets %s with the masked destination', async (username, name, destination) => {
    const conversation = signIn(username);
    expect(promptOf(await conversation.start({ password: PASSWORD }))).toEqual({ name, destination });
    expect((await conversation.answer({ code: emulator.outbox(username).at(-1)! })).kind).toBe('tokens');
  });

  it('SOFTWARE_TOKEN_MFA takes a TOTP code, and a mistyped one may be typed again', async () => {
    const conversation = signIn('totpuser');
    expect(promptOf(await conversation.start({ password: PASSWORD })).name).toBe('SOFTWARE_TOKEN_MFA');
    const right = totpCode('JBSWY3DPEHPK3PXP', emulator.now());
    await expect(conversation.answer({ code: right === '000000' ? '111111' : '000000' })).rejects.toThrow(
      /CodeMismatchException.*newest code/,
    );
    expect((await conversation.answer({ code: right })).kind).toBe('tokens');
  });

  it('an answer after the challenge session expired says to start again', async () => {
    const conversation = signIn('totpuser', { clientId: 'shortlivedclient1' });
    await conversation.start({ password: PASSWORD });
    emulator.advanceClock(31_000);
    await expect(conversation.answer({ code: totpCode('JBSWY3DPEHPK3PXP', emulator.now()) })).rejects.toThrow(
      /session is expired\. The sign-in took too long.*start the sign-in again/,
    );
  });

  it('SELECT_MFA_TYPE offers the user\u2019s methods and opens the chosen one', async () => {
    const conversation = signIn('chooser');
    expect(promptOf(await conversation.start({ password: PASSWORD }))).toEqual({
      name: 'SELECT_MFA_TYPE',
      options: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'],
    });
    await expect(conversation.answer({ select: 'EMAIL_OTP' })).rejects.toThrow(/not offered/);
    expect(promptOf(await conversation.answer({ select: 'SOFTWARE_TOKEN_MFA' })).name).toBe('SOFTWARE_TOKEN_MFA');
    expect((await conversation.answer({ code: totpCode('JBSWY3DPEHPK3PXP', emulator.now()) })).kind).toBe('tokens');
  });

  it('MFA_SETUP hands out a TOTP secret and otpauth URI, then takes the first code', async () => {
    const from = emulator.requests.length;
    const conversation = signIn('setupuser');
    const prompt = promptOf(await conversation.start({ password: PASSWORD }));
    expect(prompt.name).toBe('MFA_SETUP');
    expect(prompt.totpSecret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(prompt.otpauthUri).toBe(
      `otpauth://totp/Cognito%20test:setupuser?secret=${prompt.totpSecret}&issuer=Cognito%20test&algorithm=SHA1&digits=6&period=30`,
    );
    expect((await conversation.answer({ code: totpCode(prompt.totpSecret!, emulator.now()) })).kind).toBe('tokens');
    expect(emulator.requests.slice(from).map((r) => r.operation)).toEqual([
      'InitiateAuth',
      'RespondToAuthChallenge',
      'AssociateSoftwareToken',
      'VerifySoftwareToken',
      'RespondToAuthChallenge',
    ]);
    expect(promptOf(await signIn('setupuser').start({ password: PASSWORD })).name).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('CUSTOM_CHALLENGE goes round after round', async () => {
    const conversation = signIn('riddler', { authFlow: 'CUSTOM_AUTH' });
    expect(promptOf(await conversation.start({})).parameters).toEqual({ q: 'one' });
    expect(promptOf(await conversation.answer({ answer: '1' })).parameters).toEqual({ q: 'two' });
    expect(promptOf(await conversation.answer({ answer: '2' })).parameters).toEqual({ q: 'three' });
    expect((await conversation.answer({ answer: '3' })).kind).toBe('tokens');
  });

  describe('devices (pool with device tracking "always")', () => {
    const devices = memoryDevices();
    const daveProfile = () =>
      profileOf(emulator, {
        username: 'dave',
        region: 'eu-west-1',
        userPoolId: 'eu-west-1_Devices1',
        clientId: 'deviceclient1',
      });

    it('confirms the new device after the first sign-in and keeps its key and password', async () => {
      const from = emulator.requests.length;
      expect((await conversationFor(emulator, daveProfile(), { devices }).start({ password: PASSWORD })).kind).toBe(
        'tokens',
      );
      expect(emulator.requests.slice(from).map((r) => r.operation)).toEqual([
        'InitiateAuth',
        'RespondToAuthChallenge',
        'ConfirmDevice',
      ]);
      expect(devices.device).toMatchObject({
        deviceKey: expect.stringMatching(/^eu-west-1_/),
        devicePassword: expect.any(String),
      });
    });

    it('sends DEVICE_KEY on the next sign-in and answers DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER by itself', async () => {
      const from = emulator.requests.length;
      expect((await conversationFor(emulator, daveProfile(), { devices }).start({ password: PASSWORD })).kind).toBe(
        'tokens',
      );
      expect(emulator.requests[from]?.body.AuthParameters).toMatchObject({ DEVICE_KEY: devices.device?.deviceKey });
      expect(challengesSince(emulator, from)).toEqual([
        'PASSWORD_VERIFIER',
        'DEVICE_SRP_AUTH',
        'DEVICE_PASSWORD_VERIFIER',
      ]);
    });

    it('keeps the tokens when ConfirmDevice fails on every try (fault injected): the device is not remembered, and the outcome warns', async () => {
      const unlucky = memoryDevices();
      emulator.faults.fail('ConfirmDevice', { status: 500, times: 3 });
      expect(
        await conversationFor(emulator, daveProfile(), { devices: unlucky }).start({ password: PASSWORD }),
      ).toMatchObject({
        kind: 'tokens',
        tokens: { unconfirmedDevice: true },
        warning: expect.stringMatching(/could not be confirmed/),
      });
      expect(unlucky.device).toBeUndefined();
    });

    it('forgets a device the pool does not know and signs in without it', async () => {
      const stale = memoryDevices();
      stale.device = {
        deviceKey: 'eu-west-1_00000000-0000-0000-0000-000000000000',
        deviceGroupKey: '-gone',
        devicePassword: 'x',
      };
      expect(
        (await conversationFor(emulator, daveProfile(), { devices: stale }).start({ password: PASSWORD })).kind,
      ).toBe('tokens');
      expect(stale.device?.deviceKey).not.toBe('eu-west-1_00000000-0000-0000-0000-000000000000');
    });
  });
});
