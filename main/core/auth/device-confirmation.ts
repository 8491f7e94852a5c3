import { hostname } from 'node:os';
import type { CognitoClient } from '../cognito/cognito-client.ts';
import type { NewDeviceMetadata } from '../cognito/wire-types.ts';
import type { RememberedDevice } from '../keychain/vault.ts';
import { deviceVerifier } from '../srp/index.ts';

/**
 * Confirms the device Cognito just started tracking (ConfirmDevice with a fresh SRP verifier) and, when the
 * pool lets the user opt in and they asked to, marks it remembered. The result goes to the keychain.
 */
export async function confirmNewDevice(client: CognitoClient, accessToken: string, metadata: NewDeviceMetadata, remember: boolean): Promise<RememberedDevice | undefined> {
  const { DeviceKey: deviceKey, DeviceGroupKey: deviceGroupKey } = metadata;
  if (!deviceKey || !deviceGroupKey) return undefined;
  const verifier = deviceVerifier(deviceGroupKey, deviceKey);
  const confirmed = await client.call('ConfirmDevice', {
    AccessToken: accessToken,
    DeviceKey: deviceKey,
    DeviceSecretVerifierConfig: { PasswordVerifier: verifier.passwordVerifier, Salt: verifier.salt },
    DeviceName: `ctm on ${hostname()}`.slice(0, 1024),
  });
  if (confirmed.UserConfirmationNecessary === true && remember) {
    await client.call('UpdateDeviceStatus', { AccessToken: accessToken, DeviceKey: deviceKey, DeviceRememberedStatus: 'remembered' });
  }
  return { deviceKey, deviceGroupKey, devicePassword: verifier.devicePassword };
}
