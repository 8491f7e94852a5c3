import { idOf } from '../../support/profile-ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import type { Seed } from '../../support/emulator/index.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { PASSWORD } from './flows-seed.ts';

/** Two device-tracking pools ("always"): one answers an unknown device key as ResourceNotFoundException, one as InvalidParameterException. */
function devicesSeed(): Seed {
  const users = ['dave', 'erin', 'frank', 'gina'].map((username) => ({
    username,
    password: PASSWORD,
    attributes: { email: `${username}@example.com` },
  }));
  return {
    pools: [
      { id: 'eu-west-1_Devices1', deviceTracking: 'always', clients: [{ id: 'deviceclient1' }], users },
      {
        id: 'eu-west-1_Devices2',
        deviceTracking: 'always',
        unknownDeviceError: 'InvalidParameterException',
        clients: [{ id: 'deviceclient2' }],
        users,
      },
    ],
  };
}

describe.skipIf(!HAS_KEYRING)(
  'device confirmation failures and unknown devices (emulator with device tracking, real keyring)',
  () => {
    let app: AppFixture;
    const addProfile = (name: string, username: string, pool = 1) =>
      app.core.addProfile({
        name,
        region: 'eu-west-1',
        userPoolId: `eu-west-1_Devices${pool}`,
        clientId: `deviceclient${pool}`,
        username,
        authFlow: 'USER_PASSWORD_AUTH',
        endpoint: app.emulator.endpoint,
      });
    const confirmations = (from: number) =>
      app.emulator.requests.slice(from).filter((r) => r.operation === 'ConfirmDevice').length;
    beforeAll(async () => {
      app = await startAppFixture(devicesSeed());
    });
    afterAll(async () => app?.close());

    it('a ConfirmDevice that fails once (HTTP 500) is retried: the device is confirmed and kept, no warning', async () => {
      await addProfile('retry', 'dave');
      app.emulator.faults.fail('ConfirmDevice', { status: 500, times: 1 });
      const from = app.emulator.requests.length;
      const step = await app.core.signIn(await idOf(app.core, 'retry'), { password: PASSWORD });
      expect(step).toMatchObject({ kind: 'signed-in' });
      expect(step).not.toHaveProperty('warning');
      expect(confirmations(from)).toBe(2);
      expect(await app.vault.devices.get('eu-west-1_Devices1', 'dave')).toMatchObject({
        deviceKey: expect.stringMatching(/^eu-west-1_/),
      });
    });

    it('a ConfirmDevice that keeps failing: signed in with a warning, and the refused refresh later says the device was never confirmed', async () => {
      await addProfile('unconfirmed', 'erin');
      app.emulator.faults.fail('ConfirmDevice', { status: 503, times: 3 });
      const step = await app.core.signIn(await idOf(app.core, 'unconfirmed'), { password: PASSWORD });
      expect(step).toMatchObject({
        kind: 'signed-in',
        warning: expect.stringMatching(/could not be confirmed as a device.*renews tokens only for a confirmed device/),
      });
      expect(await app.vault.devices.get('eu-west-1_Devices1', 'erin')).toBeUndefined();
      const refusal = await app.core.refreshNow(await idOf(app.core, 'unconfirmed')).catch((e: unknown) => e);
      expect(refusal).toMatchObject({
        kind: 'sign-in-required',
        message: expect.stringMatching(/never confirmed as a device of the pool/),
      });
    });

    it('network failures on ConfirmDevice never fail the sign-in (ctm login: exit 0, the warning on stderr)', async () => {
      await addProfile('flaky', 'frank');
      app.emulator.faults.resetConnection('ConfirmDevice', { times: 3 });
      const run = await runCtm(['login', 'flaky', '--password-stdin'], app.env, `${PASSWORD}\n`);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/Warning: Signed in, but this computer could not be confirmed/);
    });

    it('"Invalid device key given." (InvalidParameterException) is an unknown device: forgotten, and the sign-in retried once without it', async () => {
      await addProfile('stale', 'gina', 2);
      await app.vault.devices.save('eu-west-1_Devices2', 'gina', {
        deviceKey: 'eu-west-1_00000000-0000-0000-0000-000000000000',
        deviceGroupKey: '-stale',
        devicePassword: 'stale-device-password',
        origin: app.emulator.endpoint, // stored as this release stores it (an older one's: security/legacy-origin.test.ts)
      });
      const from = app.emulator.requests.length;
      expect((await app.core.signIn(await idOf(app.core, 'stale'), { password: PASSWORD })).kind).toBe('signed-in');
      expect(
        app.emulator.requests
          .slice(from)
          .map((r) => r.operation)
          .slice(0, 2),
      ).toEqual(['InitiateAuth', 'InitiateAuth']);
      expect((await app.vault.devices.get('eu-west-1_Devices2', 'gina'))?.deviceKey).not.toBe(
        'eu-west-1_00000000-0000-0000-0000-000000000000',
      );
    });

    it('a device forgotten at the server (ForgetDevice): the refresh forgets it too, retries once without it, and the refused token asks for a sign-in', async () => {
      const profile = await addProfile('forgotten', 'dave', 2);
      await app.core.signIn(await idOf(app.core, 'forgotten'), { password: PASSWORD });
      const device = await app.vault.devices.get('eu-west-1_Devices2', 'dave');
      const session = await app.vault.session(profile.id);
      const forget = await fetch(app.emulator.endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-amz-json-1.1',
          'X-Amz-Target': 'AWSCognitoIdentityProviderService.ForgetDevice',
        },
        body: JSON.stringify({ AccessToken: session?.accessToken, DeviceKey: device?.deviceKey }),
      });
      expect(forget.status).toBe(200);
      const from = app.emulator.requests.length;
      const refusal = await app.core.refreshNow(await idOf(app.core, 'forgotten')).catch((e: unknown) => e);
      expect(app.emulator.requests.slice(from).map((r) => r.body.DeviceKey)).toEqual([device?.deviceKey, undefined]);
      expect(refusal).toMatchObject({ kind: 'sign-in-required' });
      expect(await app.vault.devices.get('eu-west-1_Devices2', 'dave')).toBeUndefined();
    });
  },
);
