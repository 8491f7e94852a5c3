import { CognitoError } from './cognito-error.ts';
import { unknownDevice } from './device-errors.ts';
import type { EmulatorState } from './emulator-state.ts';
import { issueMfaChallenge, openChallenge } from './challenge-issue.ts';
import type { ClientRecord, UserRecord } from './pool-records.ts';
import { finishSignIn } from './sign-in-result.ts';

/** Where a sign-in conversation stands; carried from session to session. */
export interface SignInProgress {
  user: UserRecord;
  client: ClientRecord;
  /** The AuthFlow the conversation started with. */
  flow: string;
  /** DEVICE_KEY offered at InitiateAuth, if any. */
  offeredDeviceKey: string | undefined;
  deviceChecked: boolean;
  /** Set once DEVICE_PASSWORD_VERIFIER proved the device. */
  verifiedDeviceKey: string | undefined;
  /** True once MFA passed or does not apply (passwordless OTP, custom auth). */
  mfaDone: boolean;
}

/** Refuses a DEVICE_KEY the user does not have (amazon-cognito-identity-js then retries without it). */
export function checkOfferedDevice(user: UserRecord, deviceKey: string | undefined): void {
  if (deviceKey && user.pool.deviceTracking !== 'off' && !user.devices.has(deviceKey)) {
    throw unknownDevice(user.pool);
  }
}

/** A fresh conversation for a user who named themselves at InitiateAuth. */
export function newProgress(
  user: UserRecord,
  client: ClientRecord,
  flow: string,
  deviceKey: string | undefined,
): SignInProgress {
  checkOfferedDevice(user, deviceKey);
  return {
    user,
    client,
    flow,
    offeredDeviceKey: deviceKey,
    deviceChecked: false,
    verifiedDeviceKey: undefined,
    mfaDone: false,
  };
}

/** Refuses users whose status does not let them sign in. */
export function checkUserStatus(user: UserRecord): void {
  if (user.status === 'UNCONFIRMED') throw new CognitoError('UserNotConfirmedException', 'User is not confirmed.');
  if (user.status === 'RESET_REQUIRED') {
    throw new CognitoError('PasswordResetRequiredException', 'Password reset required for the user');
  }
}

function missingRequiredAttributes(user: UserRecord): string[] {
  return user.pool.requiredAttributes.filter((name) => !user.attributes[name]).map((name) => `userAttributes.${name}`);
}

/** After the first factor: new password, device SRP, MFA, then tokens, whichever still applies. */
export function advanceSignIn(state: EmulatorState, progress: SignInProgress): Record<string, unknown> {
  const { user } = progress;
  checkUserStatus(user);
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    return openChallenge(
      state,
      { progress, challenge: 'NEW_PASSWORD_REQUIRED' },
      {
        USER_ID_FOR_SRP: user.username,
        requiredAttributes: JSON.stringify(missingRequiredAttributes(user)),
        userAttributes: JSON.stringify(user.attributes),
      },
    );
  }
  const device = progress.offeredDeviceKey ? user.devices.get(progress.offeredDeviceKey) : undefined;
  if (!progress.deviceChecked && device?.verifierHex) {
    progress.deviceChecked = true;
    return openChallenge(
      state,
      { progress, challenge: 'DEVICE_SRP_AUTH' },
      { USERNAME: user.username, DEVICE_KEY: device.key },
    );
  }
  const rememberedDevice =
    progress.verifiedDeviceKey !== undefined && user.devices.get(progress.verifiedDeviceKey)?.remembered === true;
  if (!progress.mfaDone && !rememberedDevice) {
    if (user.mfa.setupRequired && user.mfa.enabled.length === 0) {
      // API_RespondToAuthChallenge, MFA_SETUP: MFAS_CAN_SETUP lists the methods the pool lets users enrol.
      return openChallenge(
        state,
        { progress, challenge: 'MFA_SETUP' },
        { MFAS_CAN_SETUP: JSON.stringify(user.pool.mfaSetupMethods) },
      );
    }
    const enabled = user.mfa.enabled;
    const method =
      user.mfa.preferred && enabled.includes(user.mfa.preferred)
        ? user.mfa.preferred
        : enabled.length === 1
          ? enabled[0]
          : undefined;
    if (method) return issueMfaChallenge(state, progress, method);
    if (enabled.length > 1) {
      return openChallenge(
        state,
        { progress, challenge: 'SELECT_MFA_TYPE', choices: [...enabled] },
        { MFAS_CAN_CHOOSE: JSON.stringify(enabled) },
      );
    }
  }
  return finishSignIn(state, { user, client: progress.client, knownDeviceKey: progress.verifiedDeviceKey });
}
