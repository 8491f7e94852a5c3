import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { confirmSignIn, signIn, signOut } from 'aws-amplify/auth';
import { startEmulator, totpCode, type Emulator } from '../../support/emulator/index.ts';
import { configureAmplify } from './amplify-client.ts';
import { AMPLIFY_PASSWORD, amplifySeed } from './amplify-seed.ts';

// MFA set-up and sign-in as Amplify v6 drives them (MFA_SETUP through continueSignIn / confirmSignIn).
describe('Amplify v6 sets up MFA and signs in with it against the emulator', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: amplifySeed });
    configureAmplify(emulator.endpoint, 'us-east-1_Amplify1', 'amplifyclient1');
  });
  afterEach(() => signOut());
  afterAll(() => emulator.close());

  it('TOTP: chooses TOTP among the offered set-ups, verifies the first code, then signs in with a TOTP code', async () => {
    const first = await signIn({ username: 'totpsetup', password: AMPLIFY_PASSWORD });
    expect(first.nextStep).toEqual({
      signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION',
      allowedMFATypes: ['TOTP', 'EMAIL'],
    });
    const setup = await confirmSignIn({ challengeResponse: 'TOTP' });
    if (setup.nextStep.signInStep !== 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP')
      throw new Error(`unexpected step ${setup.nextStep.signInStep}`);
    const secret = setup.nextStep.totpSetupDetails.sharedSecret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect((await confirmSignIn({ challengeResponse: totpCode(secret, emulator.now()) })).isSignedIn).toBe(true);
    await signOut();
    emulator.advanceClock(30_000);
    const again = await signIn({ username: 'totpsetup', password: AMPLIFY_PASSWORD });
    expect(again.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
    expect((await confirmSignIn({ challengeResponse: totpCode(secret, emulator.now()) })).isSignedIn).toBe(true);
  });

  it('e-mail: chooses EMAIL, gives an address, confirms the code sent there, and is asked for an e-mail code next time', async () => {
    const first = await signIn({ username: 'mailsetup', password: AMPLIFY_PASSWORD });
    expect(first.nextStep.signInStep).toBe('CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION');
    expect((await confirmSignIn({ challengeResponse: 'EMAIL' })).nextStep.signInStep).toBe(
      'CONTINUE_SIGN_IN_WITH_EMAIL_SETUP',
    );
    const asked = await confirmSignIn({ challengeResponse: 'mailsetup@example.com' });
    expect(asked.nextStep).toMatchObject({
      signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
      codeDeliveryDetails: { deliveryMedium: 'EMAIL' },
    });
    expect((await confirmSignIn({ challengeResponse: emulator.outbox('mailsetup').at(-1) ?? '' })).isSignedIn).toBe(
      true,
    );
    await signOut();
    expect((await signIn({ username: 'mailsetup', password: AMPLIFY_PASSWORD })).nextStep.signInStep).toBe(
      'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
    );
    expect((await confirmSignIn({ challengeResponse: emulator.outbox('mailsetup').at(-1) ?? '' })).isSignedIn).toBe(
      true,
    );
  });
});
