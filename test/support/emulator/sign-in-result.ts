import { randomBytes, randomUUID } from 'node:crypto';
import type { EmulatorState } from './emulator-state.ts';
import type { ClientRecord, UserRecord } from './pool-records.ts';
import { mintTokens } from './token-minter.ts';

/** Who finished signing in, and with which already-known device (if device SRP proved one). */
export interface FinishedSignIn {
  user: UserRecord;
  client: ClientRecord;
  knownDeviceKey: string | undefined;
}

function newDevice(user: UserRecord): { DeviceKey: string; DeviceGroupKey: string } {
  const key = `${user.pool.region}_${randomUUID()}`;
  const groupKey = `-${randomBytes(6).toString('base64url')}`;
  user.devices.set(key, {
    key,
    groupKey,
    name: undefined,
    verifierHex: undefined,
    saltHex: undefined,
    remembered: false,
  });
  return { DeviceKey: key, DeviceGroupKey: groupKey };
}

/** The successful end of any sign-in: tokens, a refresh token and, with device tracking, NewDeviceMetadata. */
export function finishSignIn(state: EmulatorState, done: FinishedSignIn): Record<string, unknown> {
  const { user, client } = done;
  const now = state.clock.now();
  const tracking = user.pool.deviceTracking !== 'off';
  const metadata = tracking && !done.knownDeviceKey ? newDevice(user) : undefined;
  const deviceKey = done.knownDeviceKey ?? metadata?.DeviceKey;
  const originJti = randomUUID();
  const refresh = state.refreshTokens.issue({
    user,
    client,
    deviceKey,
    expiresAt: now + client.refreshTokenValiditySeconds * 1000,
    authTime: now,
    originJti,
  });
  const tokens = mintTokens(state, { user, client, authTime: now, originJti, deviceKey });
  const result: Record<string, unknown> = { ...tokens, RefreshToken: refresh.token };
  if (metadata) result.NewDeviceMetadata = metadata;
  return { AuthenticationResult: result, ChallengeParameters: {} };
}
