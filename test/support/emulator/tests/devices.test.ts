import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { authResult, baseSeed, call, passwordSignIn, start } from './emulator-test-kit.ts';
import { parametersOf, respond, srpSignIn } from './sign-in-steps.ts';
import { deviceVerifier, passwordClaim, startClientSrp } from './srp-test-client.ts';

interface Remembered {
  key: string;
  groupKey: string;
  devicePassword: string;
}

describe('device tracking', () => {
  let emulator: Emulator;
  let optIn: Emulator;
  beforeAll(async () => {
    emulator = await start(
      baseSeed((seed) => {
        if (seed.pools[0]) seed.pools[0].deviceTracking = 'always';
        seed.pools[0]?.users.push({
          username: 'carol',
          password: 'Correct-Horse-1',
          attributes: { phone_number: '+15555550001' },
          mfa: { enabled: ['SMS_MFA'] },
        });
      }),
    );
    optIn = await start(
      baseSeed((seed) => {
        if (seed.pools[0]) seed.pools[0].deviceTracking = 'user-opt-in';
        seed.pools[0]?.users.push({
          username: 'carol',
          password: 'Correct-Horse-1',
          attributes: { phone_number: '+15555550001' },
          mfa: { enabled: ['SMS_MFA'] },
        });
      }),
    );
  });
  afterAll(async () => {
    await emulator.close();
    await optIn.close();
  });

  async function remember(
    target: Emulator,
    username: string,
  ): Promise<Remembered & { answer: Record<string, unknown> }> {
    let answer = await passwordSignIn(target, username);
    if (answer.body.ChallengeName === 'SMS_MFA')
      answer = await respond(target, answer, username, { SMS_MFA_CODE: target.outbox(username).at(-1) ?? '' });
    const result = authResult(answer);
    const { DeviceKey: key, DeviceGroupKey: groupKey } = result.NewDeviceMetadata as {
      DeviceKey: string;
      DeviceGroupKey: string;
    };
    const { config, devicePassword } = deviceVerifier(groupKey, key);
    const confirmed = (
      await call(target, 'ConfirmDevice', {
        AccessToken: result.AccessToken,
        DeviceKey: key,
        DeviceSecretVerifierConfig: config,
        DeviceName: 'test',
      })
    ).body;
    return { key, groupKey, devicePassword, answer: { ...confirmed, refresh: result.RefreshToken } };
  }

  it('returns NewDeviceMetadata and a device_key claim when tracking is on', async () => {
    const result = authResult(await passwordSignIn(emulator, 'alice'));
    const metadata = result.NewDeviceMetadata as Record<string, string>;
    expect(metadata.DeviceKey).toMatch(/^us-east-1_[0-9a-f-]{36}$/);
    expect(metadata.DeviceGroupKey).toMatch(/^-/);
  });

  it('answers UserConfirmationNecessary false for "always" and true for "user-opt-in"', async () => {
    expect((await remember(emulator, 'alice')).answer.UserConfirmationNecessary).toBe(false);
    expect((await remember(optIn, 'alice')).answer.UserConfirmationNecessary).toBe(true);
  });

  it('refuses a refresh from a tracked device that sends no DEVICE_KEY', async () => {
    const { key, answer } = await remember(emulator, 'alice');
    const refresh = (device?: string) =>
      call(emulator, 'InitiateAuth', {
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: 'publicclient1',
        AuthParameters: { REFRESH_TOKEN: String(answer.refresh), ...(device ? { DEVICE_KEY: device } : {}) },
      });
    expect((await refresh()).body).toEqual({ __type: 'NotAuthorizedException', message: 'Invalid Refresh Token' });
    expect((await refresh(key)).status).toBe(200);
  });

  it('runs DEVICE_SRP_AUTH then DEVICE_PASSWORD_VERIFIER for a known device, skipping MFA', async () => {
    const device = await remember(emulator, 'alice');
    const afterPassword = await srpSignIn(emulator, 'alice', {}, { DEVICE_KEY: device.key });
    expect(afterPassword.body.ChallengeName).toBe('DEVICE_SRP_AUTH');
    const start = startClientSrp();
    const verifier = await respond(emulator, afterPassword, 'alice', { DEVICE_KEY: device.key, SRP_A: start.srpA });
    expect(verifier.body.ChallengeName).toBe('DEVICE_PASSWORD_VERIFIER');
    const claim = passwordClaim({
      start,
      poolName: device.groupKey,
      userId: device.key,
      password: device.devicePassword,
      parameters: parametersOf(verifier),
    });
    const done = await respond(emulator, verifier, 'alice', { ...claim, DEVICE_KEY: device.key });
    expect(authResult(done).NewDeviceMetadata).toBeUndefined();
    expect(typeof authResult(done).AccessToken).toBe('string');
  });

  it('refuses a device proof made with the wrong device password', async () => {
    const device = await remember(emulator, 'alice');
    const afterPassword = await passwordSignIn(emulator, 'alice', { DEVICE_KEY: device.key });
    const start = startClientSrp();
    const verifier = await respond(emulator, afterPassword, 'alice', { DEVICE_KEY: device.key, SRP_A: start.srpA });
    const claim = passwordClaim({
      start,
      poolName: device.groupKey,
      userId: device.key,
      password: 'guess',
      parameters: parametersOf(verifier),
    });
    expect((await respond(emulator, verifier, 'alice', { ...claim, DEVICE_KEY: device.key })).body.__type).toBe(
      'NotAuthorizedException',
    );
  });

  it('skips MFA for a remembered device', async () => {
    const device = await remember(emulator, 'carol');
    expect((await passwordSignIn(emulator, 'carol')).body.ChallengeName).toBe('SMS_MFA');
    const afterPassword = await passwordSignIn(emulator, 'carol', { DEVICE_KEY: device.key });
    const start = startClientSrp();
    const verifier = await respond(emulator, afterPassword, 'carol', { DEVICE_KEY: device.key, SRP_A: start.srpA });
    const claim = passwordClaim({
      start,
      poolName: device.groupKey,
      userId: device.key,
      password: device.devicePassword,
      parameters: parametersOf(verifier),
    });
    const done = await respond(emulator, verifier, 'carol', { ...claim, DEVICE_KEY: device.key });
    expect(typeof authResult(done).AccessToken).toBe('string');
  });

  it('asks for MFA after device SRP until the user opts in with UpdateDeviceStatus', async () => {
    const device = await remember(optIn, 'carol');
    const deviceSignIn = async (): Promise<Record<string, unknown>> => {
      const afterPassword = await passwordSignIn(optIn, 'carol', { DEVICE_KEY: device.key });
      const start = startClientSrp();
      const verifier = await respond(optIn, afterPassword, 'carol', { DEVICE_KEY: device.key, SRP_A: start.srpA });
      const claim = passwordClaim({
        start,
        poolName: device.groupKey,
        userId: device.key,
        password: device.devicePassword,
        parameters: parametersOf(verifier),
      });
      return (await respond(optIn, verifier, 'carol', { ...claim, DEVICE_KEY: device.key })).body;
    };
    expect((await deviceSignIn()).ChallengeName).toBe('SMS_MFA');
    const token = authResult(await passwordSignIn(optIn, 'bob')).AccessToken;
    expect(
      (
        await call(optIn, 'UpdateDeviceStatus', {
          AccessToken: token,
          DeviceKey: device.key,
          DeviceRememberedStatus: 'remembered',
        })
      ).body.__type,
    ).toBe('ResourceNotFoundException');
    const deviceStep = await passwordSignIn(optIn, 'carol', { DEVICE_KEY: device.key });
    expect(deviceStep.body.ChallengeName).toBe('DEVICE_SRP_AUTH');
    const carolToken = authResult(
      await respond(optIn, await passwordSignIn(optIn, 'carol'), 'carol', {
        SMS_MFA_CODE: optIn.outbox('carol').at(-1) ?? '',
      }),
    ).AccessToken;
    expect(
      (
        await call(optIn, 'UpdateDeviceStatus', {
          AccessToken: carolToken,
          DeviceKey: device.key,
          DeviceRememberedStatus: 'remembered',
        })
      ).status,
    ).toBe(200);
    expect((await deviceSignIn()).AuthenticationResult).toBeDefined();
  });

  it('refuses a DEVICE_KEY the user does not have with ResourceNotFoundException', async () => {
    const answer = await passwordSignIn(emulator, 'alice', {
      DEVICE_KEY: 'us-east-1_00000000-0000-4000-8000-000000000000',
    });
    expect(answer.body).toEqual({ __type: 'ResourceNotFoundException', message: 'Device does not exist.' });
  });

  it('gives no NewDeviceMetadata when tracking is off', async () => {
    const plain = await start();
    const result = authResult(await passwordSignIn(plain, 'alice'));
    await plain.close();
    expect(result.NewDeviceMetadata).toBeUndefined();
  });
});
