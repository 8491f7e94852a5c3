import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { authResult, baseSeed, call, claimsOf, passwordSignIn, start } from './emulator-test-kit.ts';
import { parametersOf, respond } from './sign-in-steps.ts';

// MFA_SETUP by e-mail, as Amplify v6 drives it: RespondToAuthChallenge MFA_SETUP with EMAIL, then EMAIL_OTP with the code.
describe('MFA_SETUP by e-mail (EMAIL_OTP)', () => {
  let emulator: Emulator;
  let totpOnly: Emulator;
  const setupUser = (username: string) => ({ username, password: 'Correct-Horse-1', mfa: { setupRequired: true } });
  beforeAll(async () => {
    emulator = await start(
      baseSeed((seed) => {
        if (seed.pools[0]) seed.pools[0].mfaSetupMethods = ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'];
        seed.pools[0]?.users.push(setupUser('mailsetup1'), setupUser('mailsetup2'));
      }),
    );
    totpOnly = await start(baseSeed((seed) => void seed.pools[0]?.users.push(setupUser('mailsetup1'))));
  });
  afterAll(async () => {
    await emulator.close();
    await totpOnly.close();
  });

  it('offers SOFTWARE_TOKEN_MFA and EMAIL_OTP where the pool allows both', async () => {
    const challenge = await passwordSignIn(emulator, 'mailsetup1');
    expect(challenge.body.ChallengeName).toBe('MFA_SETUP');
    expect(parametersOf(challenge).MFAS_CAN_SETUP).toBe('["SOFTWARE_TOKEN_MFA","EMAIL_OTP"]');
  });

  it('sends a code to the given address, enrols it with the right code, and asks EMAIL_OTP at the next sign-in', async () => {
    const challenge = await passwordSignIn(emulator, 'mailsetup1');
    const asked = await respond(emulator, challenge, 'mailsetup1', { EMAIL: 'new@example.com' }, {}, 'MFA_SETUP');
    expect(asked.body.ChallengeName).toBe('EMAIL_OTP');
    expect(parametersOf(asked)).toMatchObject({
      CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
      CODE_DELIVERY_DESTINATION: 'n***@e***',
    });
    const done = await respond(emulator, asked, 'mailsetup1', {
      EMAIL_OTP_CODE: emulator.outbox('mailsetup1').at(-1) ?? '',
    });
    expect(claimsOf(authResult(done).IdToken)).toMatchObject({ email: 'new@example.com', email_verified: true });
    expect((await passwordSignIn(emulator, 'mailsetup1')).body.ChallengeName).toBe('EMAIL_OTP');
  });

  it('refuses a wrong code and leaves the user without MFA', async () => {
    const challenge = await passwordSignIn(emulator, 'mailsetup2');
    const asked = await respond(emulator, challenge, 'mailsetup2', { EMAIL: 'second@example.com' }, {}, 'MFA_SETUP');
    const wrong = await respond(emulator, asked, 'mailsetup2', { EMAIL_OTP_CODE: '000000x' });
    expect(wrong.body.__type).toBe('CodeMismatchException');
    expect((await passwordSignIn(emulator, 'mailsetup2')).body.ChallengeName).toBe('MFA_SETUP');
  });

  it('refuses e-mail set-up in a pool that offers TOTP only', async () => {
    const challenge = await passwordSignIn(totpOnly, 'mailsetup1');
    expect(parametersOf(challenge).MFAS_CAN_SETUP).toBe('["SOFTWARE_TOKEN_MFA"]');
    const refused = await call(totpOnly, 'RespondToAuthChallenge', {
      ChallengeName: 'MFA_SETUP',
      ClientId: 'publicclient1',
      Session: challenge.body.Session,
      ChallengeResponses: { USERNAME: 'mailsetup1', EMAIL: 'x@example.com' },
    });
    expect(refused.body.__type).toBe('InvalidParameterException');
  });
});
