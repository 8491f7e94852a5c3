import type { AuthSession } from '../auth-session-store.ts';
import { openChallenge } from '../challenge-issue.ts';
import { invalidParameter, notAuthorized } from '../cognito-error.ts';
import { unknownDevice } from '../device-errors.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { requiredParameter } from '../request-fields.ts';
import { advanceSignIn } from '../sign-in-progress.ts';
import { parseSrpA, startSrp } from '../srp-server.ts';
import { checkSrpClaim } from './password-verifier.ts';

/** DEVICE_SRP_AUTH: the device's SRP_A; answers DEVICE_PASSWORD_VERIFIER (pool name = DeviceGroupKey, user = DeviceKey). */
export function answerDeviceSrpAuth(
  state: EmulatorState,
  session: AuthSession,
  responses: Record<string, string>,
): Record<string, unknown> {
  const progress = session.progress;
  const deviceKey = requiredParameter(responses, 'DEVICE_KEY');
  const largeA = parseSrpA(requiredParameter(responses, 'SRP_A'));
  if (largeA === undefined) throw invalidParameter('Invalid SRP_A');
  const device = progress.user.devices.get(deviceKey);
  if (!device?.verifierHex || !device.saltHex || deviceKey !== progress.offeredDeviceKey) {
    throw unknownDevice(progress.user.pool);
  }
  const srp = startSrp({
    poolName: device.groupKey,
    userId: device.key,
    largeA,
    verifier: BigInt(`0x${device.verifierHex}`),
    saltHex: device.saltHex,
  });
  return openChallenge(
    state,
    { progress, challenge: 'DEVICE_PASSWORD_VERIFIER', srp },
    {
      SALT: device.saltHex,
      SECRET_BLOCK: srp.secretBlock,
      SRP_B: srp.largeB.toString(16),
      USERNAME: progress.user.username,
      DEVICE_KEY: device.key,
    },
  );
}

/** DEVICE_PASSWORD_VERIFIER: the device's SRP proof; the device counts as verified from here on. */
export function answerDevicePasswordVerifier(
  state: EmulatorState,
  session: AuthSession,
  responses: Record<string, string>,
): Record<string, unknown> {
  checkSrpClaim(session, responses, 'Incorrect username or password.');
  const deviceKey = requiredParameter(responses, 'DEVICE_KEY');
  if (deviceKey !== session.progress.offeredDeviceKey) throw notAuthorized('Incorrect username or password.');
  return advanceSignIn(state, { ...session.progress, verifiedDeviceKey: deviceKey });
}
