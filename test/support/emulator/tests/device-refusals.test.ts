import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { authResult, baseSeed, call, passwordSignIn, start } from './emulator-test-kit.ts';
import { deviceVerifier } from './srp-test-client.ts';

// Devices as AWS treats them: an unconfirmed tracked device cannot refresh, and an unknown device key gets one of
// Cognito's two answers, chosen per pool by the seed.
describe('device refusals', () => {
  let notFound: Emulator;
  let invalidKey: Emulator;
  beforeAll(async () => {
    notFound = await start(
      baseSeed((seed) => {
        if (seed.pools[0]) seed.pools[0].deviceTracking = 'always';
      }),
    );
    invalidKey = await start(
      baseSeed((seed) => {
        if (seed.pools[0])
          Object.assign(seed.pools[0], { deviceTracking: 'always', unknownDeviceError: 'InvalidParameterException' });
      }),
    );
  });
  afterAll(async () => {
    await notFound.close();
    await invalidKey.close();
  });

  async function trackedSignIn(
    target: Emulator,
  ): Promise<{ refresh: string; access: string; key: string; groupKey: string }> {
    const result = authResult(await passwordSignIn(target, 'alice'));
    const metadata = result.NewDeviceMetadata as { DeviceKey: string; DeviceGroupKey: string };
    return {
      refresh: String(result.RefreshToken),
      access: String(result.AccessToken),
      key: metadata.DeviceKey,
      groupKey: metadata.DeviceGroupKey,
    };
  }
  const initiateRefresh = (target: Emulator, token: string, deviceKey: string) =>
    call(target, 'InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: 'publicclient1',
      AuthParameters: { REFRESH_TOKEN: token, DEVICE_KEY: deviceKey },
    });
  const getTokens = (target: Emulator, token: string, deviceKey: string) =>
    call(target, 'GetTokensFromRefreshToken', {
      RefreshToken: token,
      ClientId: 'publicclient1',
      DeviceKey: deviceKey,
    });

  it('refuses a refresh from a tracked device that was never confirmed, with either refresh operation', async () => {
    const signIn = await trackedSignIn(notFound);
    const refused = { __type: 'NotAuthorizedException', message: 'Invalid Refresh Token' };
    expect((await initiateRefresh(notFound, signIn.refresh, signIn.key)).body).toEqual(refused);
    expect((await getTokens(notFound, signIn.refresh, signIn.key)).body).toEqual(refused);
  });

  it('lets the same refresh token work once ConfirmDevice has run', async () => {
    const signIn = await trackedSignIn(notFound);
    const { config } = deviceVerifier(signIn.groupKey, signIn.key);
    await call(notFound, 'ConfirmDevice', {
      AccessToken: signIn.access,
      DeviceKey: signIn.key,
      DeviceSecretVerifierConfig: config,
    });
    expect((await initiateRefresh(notFound, signIn.refresh, signIn.key)).status).toBe(200);
  });

  it('answers ResourceNotFoundException "Device does not exist." for an unknown device key by default', async () => {
    const signIn = await trackedSignIn(notFound);
    const unknown = 'us-east-1_00000000-0000-4000-8000-000000000000';
    const expected = { __type: 'ResourceNotFoundException', message: 'Device does not exist.' };
    expect((await passwordSignIn(notFound, 'alice', { DEVICE_KEY: unknown })).body).toEqual(expected);
    expect((await getTokens(notFound, signIn.refresh, unknown)).body).toEqual(expected);
    const { config } = deviceVerifier(signIn.groupKey, unknown);
    expect(
      (
        await call(notFound, 'ConfirmDevice', {
          AccessToken: signIn.access,
          DeviceKey: unknown,
          DeviceSecretVerifierConfig: config,
        })
      ).body,
    ).toEqual(expected);
  });

  it('forgets a device with ForgetDevice: its key is unknown afterwards, at sign-in and refresh', async () => {
    const signIn = await trackedSignIn(notFound);
    const { config } = deviceVerifier(signIn.groupKey, signIn.key);
    await call(notFound, 'ConfirmDevice', {
      AccessToken: signIn.access,
      DeviceKey: signIn.key,
      DeviceSecretVerifierConfig: config,
    });
    expect((await call(notFound, 'ForgetDevice', { AccessToken: signIn.access, DeviceKey: signIn.key })).body).toEqual(
      {},
    );
    const expected = { __type: 'ResourceNotFoundException', message: 'Device does not exist.' };
    expect((await getTokens(notFound, signIn.refresh, signIn.key)).body).toEqual(expected);
    expect((await passwordSignIn(notFound, 'alice', { DEVICE_KEY: signIn.key })).body).toEqual(expected);
    expect((await call(notFound, 'ForgetDevice', { AccessToken: signIn.access, DeviceKey: signIn.key })).body).toEqual(
      expected,
    );
  });

  it('answers InvalidParameterException "Invalid device key given." where the seed picks it', async () => {
    const signIn = await trackedSignIn(invalidKey);
    const unknown = 'us-east-1_00000000-0000-4000-8000-000000000000';
    const expected = { __type: 'InvalidParameterException', message: 'Invalid device key given.' };
    expect((await passwordSignIn(invalidKey, 'alice', { DEVICE_KEY: unknown })).body).toEqual(expected);
    expect((await initiateRefresh(invalidKey, signIn.refresh, unknown)).body).toEqual(expected);
  });
});
