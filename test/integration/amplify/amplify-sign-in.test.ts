import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { confirmSignIn, fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { startEmulator, type Emulator } from '../../support/emulator/index.ts';
import { configureAmplify } from './amplify-client.ts';
import { AMPLIFY_PASSWORD, amplifySeed } from './amplify-seed.ts';

// Amplify v6 (aws-amplify, built and tested by AWS against the real service) as a second client of the emulator:
// where the two disagree, the emulator is wrong unless the AWS docs say otherwise.
describe('Amplify v6 signs in against the emulator (first factors)', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: amplifySeed });
  });
  afterEach(() => signOut());
  afterAll(() => emulator.close());

  const operations = (from: number) =>
    emulator.requests.slice(from).map((request) => {
      const flow = request.body.AuthFlow ?? request.body.ChallengeName;
      return `${request.operation}${typeof flow === 'string' ? ` ${flow}` : ''}`;
    });
  const claims = async () => (await fetchAuthSession()).tokens?.accessToken.payload ?? {};

  it('USER_SRP_AUTH (signIn default): InitiateAuth, then PASSWORD_VERIFIER', async () => {
    configureAmplify(emulator.endpoint, 'us-east-1_Amplify1', 'amplifyclient1');
    const from = emulator.requests.length;
    const result = await signIn({ username: 'sam', password: AMPLIFY_PASSWORD });
    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(operations(from)).toEqual(['InitiateAuth USER_SRP_AUTH', 'RespondToAuthChallenge PASSWORD_VERIFIER']);
    expect(await claims()).toMatchObject({
      username: 'sam',
      'cognito:groups': ['readers'],
      iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Amplify1',
    });
  });

  it('refuses a wrong password with NotAuthorizedException', async () => {
    configureAmplify(emulator.endpoint, 'us-east-1_Amplify1', 'amplifyclient1');
    await expect(signIn({ username: 'sam', password: 'wrong-password' })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    });
  });

  it('USER_PASSWORD_AUTH', async () => {
    configureAmplify(emulator.endpoint, 'us-east-1_Amplify1', 'amplifyclient1');
    const from = emulator.requests.length;
    const result = await signIn({
      username: 'sam',
      password: AMPLIFY_PASSWORD,
      options: { authFlowType: 'USER_PASSWORD_AUTH' },
    });
    expect(result.isSignedIn).toBe(true);
    expect(operations(from)).toEqual(['InitiateAuth USER_PASSWORD_AUTH']);
  });

  it('CUSTOM_WITH_SRP: SRP first, then the custom round', async () => {
    configureAmplify(emulator.endpoint, 'us-east-1_Amplify1', 'amplifyclient1');
    const from = emulator.requests.length;
    const first = await signIn({
      username: 'quiz',
      password: AMPLIFY_PASSWORD,
      options: { authFlowType: 'CUSTOM_WITH_SRP' },
    });
    expect(first.nextStep).toMatchObject({
      signInStep: 'CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE',
      additionalInfo: { question: '2+2?' },
    });
    expect((await confirmSignIn({ challengeResponse: '4' })).isSignedIn).toBe(true);
    expect(operations(from)).toEqual([
      'InitiateAuth CUSTOM_AUTH',
      'RespondToAuthChallenge PASSWORD_VERIFIER',
      'RespondToAuthChallenge CUSTOM_CHALLENGE',
    ]);
  });

  it('USER_AUTH with EMAIL_OTP: the code from the outbox', async () => {
    configureAmplify(emulator.endpoint, 'us-east-1_Amplify1', 'amplifyclient1');
    const first = await signIn({
      username: 'otp',
      options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' },
    });
    expect(first.nextStep).toMatchObject({
      signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
      codeDeliveryDetails: { deliveryMedium: 'EMAIL', destination: 'o***@e***' },
    });
    expect((await confirmSignIn({ challengeResponse: emulator.outbox('otp').at(-1) ?? '' })).isSignedIn).toBe(true);
  });

  it('USER_AUTH with PASSWORD', async () => {
    configureAmplify(emulator.endpoint, 'us-east-1_Amplify1', 'amplifyclient1');
    const from = emulator.requests.length;
    const result = await signIn({
      username: 'otp',
      password: AMPLIFY_PASSWORD,
      options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD' },
    });
    expect(result.isSignedIn).toBe(true);
    expect(operations(from)).toEqual(['InitiateAuth USER_AUTH']);
  });

  it('USER_AUTH without a preference: selects a first factor among the available ones (SELECT_CHALLENGE)', async () => {
    configureAmplify(emulator.endpoint, 'us-east-1_Amplify1', 'amplifyclient1');
    const first = await signIn({ username: 'otp', options: { authFlowType: 'USER_AUTH' } });
    expect(first.nextStep).toEqual({
      signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION',
      availableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP'],
    });
    expect((await confirmSignIn({ challengeResponse: 'PASSWORD_SRP' })).nextStep.signInStep).toBe(
      'CONFIRM_SIGN_IN_WITH_PASSWORD',
    );
    const from = emulator.requests.length;
    expect((await confirmSignIn({ challengeResponse: AMPLIFY_PASSWORD })).isSignedIn).toBe(true);
    expect(operations(from)).toEqual([
      'RespondToAuthChallenge SELECT_CHALLENGE',
      'RespondToAuthChallenge PASSWORD_VERIFIER',
    ]);
  });

  it('NEW_PASSWORD_REQUIRED: a temporary password, then the new one, which works from then on', async () => {
    configureAmplify(emulator.endpoint, 'us-east-1_Amplify1', 'amplifyclient1');
    const first = await signIn({ username: 'newbie', password: 'Temp-Pass-1' });
    expect(first.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');
    expect((await confirmSignIn({ challengeResponse: 'Brand-New-Pass-1' })).isSignedIn).toBe(true);
    await signOut();
    expect((await signIn({ username: 'newbie', password: 'Brand-New-Pass-1' })).isSignedIn).toBe(true);
  });

  it('signs in with the e-mail in a pool with username attributes; the tokens name the UUID username', async () => {
    configureAmplify(emulator.endpoint, 'eu-west-1_Email1', 'amplifyemail1');
    expect((await signIn({ username: 'erin@example.com', password: AMPLIFY_PASSWORD })).isSignedIn).toBe(true);
    const payload = await claims();
    expect(payload.username).toMatch(/^[0-9a-f-]{36}$/);
    expect(payload.username).toBe(payload.sub);
  });
});
