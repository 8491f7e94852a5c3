import { hostname } from 'node:os';
import type { CognitoClient } from '../cognito/cognito-client.ts';
import { CognitoNetworkError, CognitoServiceError } from '../cognito/cognito-errors.ts';
import type { NewDeviceMetadata } from '../cognito/wire-types.ts';
import type { RememberedDevice } from '../keychain/vault.ts';
import { deviceVerifier } from '../srp/index.ts';

/** Pauses between ConfirmDevice attempts: a flaky network or a throttled pool gets a moment, a sign-in is not held long. */
export const CONFIRM_RETRY_DELAYS_MS: readonly number[] = [200, 800];

/** What confirming a new device gave: the device to keep, or why it stays unconfirmed. */
export type DeviceConfirmation =
  { kind: 'confirmed'; device: RememberedDevice } | { kind: 'unconfirmed'; reason: string };

/**
 * Confirms the device Cognito just started tracking (ConfirmDevice with a fresh SRP verifier), retrying a network
 * failure or a transient refusal, and, when the pool lets the user opt in and they asked to, marks it remembered.
 * Never throws for Cognito or the network: the sign-in that produced the tokens has already succeeded.
 */
export async function confirmNewDevice(
  client: CognitoClient,
  accessToken: string,
  metadata: NewDeviceMetadata,
  remember: boolean,
  delays = CONFIRM_RETRY_DELAYS_MS,
): Promise<DeviceConfirmation | undefined> {
  const { DeviceKey: deviceKey, DeviceGroupKey: deviceGroupKey } = metadata;
  if (!deviceKey || !deviceGroupKey) return undefined;
  const verifier = deviceVerifier(deviceGroupKey, deviceKey);
  const request = {
    AccessToken: accessToken,
    DeviceKey: deviceKey,
    DeviceSecretVerifierConfig: { PasswordVerifier: verifier.passwordVerifier, Salt: verifier.salt },
    DeviceName: `ctm on ${hostname()}`.slice(0, 1024),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const confirmed = await client.call('ConfirmDevice', request);
      if (confirmed.UserConfirmationNecessary === true && remember)
        await rememberDevice(client, accessToken, deviceKey);
      return { kind: 'confirmed', device: { deviceKey, deviceGroupKey, devicePassword: verifier.devicePassword } };
    } catch (error) {
      const retryable =
        error instanceof CognitoNetworkError || (error instanceof CognitoServiceError && error.transient);
      const delay = delays[attempt];
      if (!retryable || delay === undefined) return { kind: 'unconfirmed', reason: describe(error) };
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Marking the device remembered only spares later MFA prompts: its failure keeps the confirmed device. */
async function rememberDevice(client: CognitoClient, accessToken: string, deviceKey: string): Promise<void> {
  await client
    .call('UpdateDeviceStatus', {
      AccessToken: accessToken,
      DeviceKey: deviceKey,
      DeviceRememberedStatus: 'remembered',
    })
    .catch(() => undefined);
}

function describe(error: unknown): string {
  if (error instanceof CognitoServiceError || error instanceof CognitoNetworkError)
    return error.message.replace(/\.$/, '');
  return error instanceof Error ? error.message : 'unknown error';
}
