import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmSignIn, fetchAuthSession, rememberDevice, signIn, signOut } from 'aws-amplify/auth';
import { startEmulator, totpCode, type Emulator } from '../../support/emulator/index.ts';
import { configureAmplify } from './amplify-client.ts';
import { AMPLIFY_PASSWORD, amplifySeed } from './amplify-seed.ts';

// Remembered devices as Amplify v6 handles them: ConfirmDevice after the first sign-in, rememberDevice(), device SRP
// at the next sign-in (which skips MFA), and refresh with the device key.
describe('Amplify v6 remembers a device against the emulator (pool with user opt-in)', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: amplifySeed });
    configureAmplify(emulator.endpoint, 'us-east-1_Devices2', 'amplifydevices1');
  });
  afterAll(async () => {
    await signOut();
    await emulator.close();
  });

  const since = (from: number, operation: string) =>
    emulator.requests.slice(from).filter((request) => request.operation === operation);
  let deviceKey = '';

  it('confirms the new device after the first sign-in (with TOTP), and remembers it on request', async () => {
    const from = emulator.requests.length;
    expect((await signIn({ username: 'dana', password: AMPLIFY_PASSWORD })).nextStep.signInStep).toBe(
      'CONFIRM_SIGN_IN_WITH_TOTP_CODE',
    );
    expect((await confirmSignIn({ challengeResponse: totpCode('JBSWY3DPEHPK3PXP', emulator.now()) })).isSignedIn).toBe(
      true,
    );
    const confirm = since(from, 'ConfirmDevice');
    expect(confirm).toHaveLength(1);
    deviceKey = String(confirm[0]?.body.DeviceKey);
    expect(deviceKey).toMatch(/^us-east-1_[0-9a-f-]{36}$/);
    await rememberDevice();
    expect(since(from, 'UpdateDeviceStatus').map((request) => request.body.DeviceRememberedStatus)).toEqual([
      'remembered',
    ]);
  });

  it('refreshes with the device key (GetTokensFromRefreshToken with DeviceKey)', async () => {
    const from = emulator.requests.length;
    const session = await fetchAuthSession({ forceRefresh: true });
    expect(session.tokens?.accessToken.payload.device_key).toBe(deviceKey);
    const refresh = since(from, 'GetTokensFromRefreshToken');
    expect(refresh.map((request) => request.body.DeviceKey)).toEqual([deviceKey]);
  });

  it('signs in again through device SRP and skips MFA on the remembered device', async () => {
    await signOut();
    const from = emulator.requests.length;
    expect(await signIn({ username: 'dana', password: AMPLIFY_PASSWORD })).toEqual({
      isSignedIn: true,
      nextStep: { signInStep: 'DONE' },
    });
    const challenges = since(from, 'RespondToAuthChallenge').map((request) => request.body.ChallengeName);
    expect(challenges).toEqual(['PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
    expect((await fetchAuthSession()).tokens?.accessToken.payload.device_key).toBe(deviceKey);
  });

  it('recovers from a device forgotten on the server ("Device does not exist."): forgets it, signs in again, gets a new one', async () => {
    const accessToken = String((await fetchAuthSession()).tokens?.accessToken);
    await fetch(emulator.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.ForgetDevice',
      },
      body: JSON.stringify({ AccessToken: accessToken, DeviceKey: deviceKey }),
    });
    await signOut();
    emulator.advanceClock(30_000);
    const from = emulator.requests.length;
    expect((await signIn({ username: 'dana', password: AMPLIFY_PASSWORD })).nextStep.signInStep).toBe(
      'CONFIRM_SIGN_IN_WITH_TOTP_CODE',
    );
    expect((await confirmSignIn({ challengeResponse: totpCode('JBSWY3DPEHPK3PXP', emulator.now()) })).isSignedIn).toBe(
      true,
    );
    const verifiers = since(from, 'RespondToAuthChallenge').filter(
      (request) => request.body.ChallengeName === 'PASSWORD_VERIFIER',
    );
    expect(verifiers.map((request) => (request.body.ChallengeResponses as Record<string, string>).DEVICE_KEY)).toEqual([
      deviceKey,
      undefined,
    ]);
    // Amplify answers PASSWORD_VERIFIER again on the same Session, without the device: the session survived the refusal.
    expect(since(from, 'InitiateAuth')).toHaveLength(1);
    const confirmed = since(from, 'ConfirmDevice');
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0]?.body.DeviceKey).not.toBe(deviceKey);
  });
});
