import { checkAccessToken } from '../access-token-check.ts';
import { invalidParameter } from '../cognito-error.ts';
import { unknownDevice } from '../device-errors.ts';
import type { EmulatorState } from '../emulator-state.ts';
import type { DeviceRecord, UserRecord } from '../pool-records.ts';
import { requiredMember, type RequestBody } from '../request-fields.ts';

function ownDevice(state: EmulatorState, body: RequestBody): { user: UserRecord; device: DeviceRecord } {
  const { user } = checkAccessToken(state, requiredMember(body, 'AccessToken'));
  const device = user.devices.get(requiredMember(body, 'DeviceKey'));
  if (!device) throw unknownDevice(user.pool);
  return { user, device };
}

function base64Hex(value: unknown, name: string): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]+=*$/.test(value))
    throw invalidParameter(`DeviceSecretVerifierConfig.${name} must be base64`);
  return Buffer.from(value, 'base64').toString('hex');
}

/** ConfirmDevice: stores the device's SRP verifier and salt so later sign-ins can run DEVICE_SRP_AUTH. */
export function confirmDevice(state: EmulatorState, body: RequestBody): Record<string, unknown> {
  const { user, device } = ownDevice(state, body);
  const config = body.DeviceSecretVerifierConfig;
  if (typeof config !== 'object' || config === null) throw invalidParameter('Missing DeviceSecretVerifierConfig');
  const { PasswordVerifier, Salt } = config as Record<string, unknown>;
  device.verifierHex = base64Hex(PasswordVerifier, 'PasswordVerifier');
  device.saltHex = base64Hex(Salt, 'Salt');
  device.name = typeof body.DeviceName === 'string' ? body.DeviceName : undefined;
  const userOptIn = user.pool.deviceTracking === 'user-opt-in';
  device.remembered = !userOptIn;
  return { UserConfirmationNecessary: userOptIn };
}

/** UpdateDeviceStatus: remembered / not_remembered (remembered devices skip MFA). */
export function updateDeviceStatus(state: EmulatorState, body: RequestBody): Record<string, unknown> {
  const { device } = ownDevice(state, body);
  const status = body.DeviceRememberedStatus;
  if (status !== 'remembered' && status !== 'not_remembered')
    throw invalidParameter('DeviceRememberedStatus must be remembered or not_remembered');
  device.remembered = status === 'remembered';
  return {};
}

/** ForgetDevice (API_ForgetDevice): the device is gone; its key is then unknown at sign-in and refresh. */
export function forgetDevice(state: EmulatorState, body: RequestBody): Record<string, unknown> {
  const { user, device } = ownDevice(state, body);
  user.devices.delete(device.key);
  return {};
}
