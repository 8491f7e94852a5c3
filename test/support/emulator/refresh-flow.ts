import { CognitoError, notAuthorized } from './cognito-error.ts';
import { unknownDevice } from './device-errors.ts';
import type { EmulatorState } from './emulator-state.ts';
import type { ClientRecord } from './pool-records.ts';
import type { RefreshTokenRecord } from './refresh-token-store.ts';
import { mintTokens } from './token-minter.ts';

/** A refresh request, whichever operation carried it. */
export interface RefreshRequest {
  client: ClientRecord;
  token: string;
  deviceKey: string | undefined;
  /** True for GetTokensFromRefreshToken: rotation hands out a new refresh token. */
  mayRotate: boolean;
}

/** Finds the refresh token and refuses it with Cognito's messages when it cannot be used. */
export function usableRefreshToken(state: EmulatorState, request: RefreshRequest): RefreshTokenRecord {
  const record = state.refreshTokens.find(request.token);
  const now = state.clock.now();
  if (!record || record.client !== request.client) throw notAuthorized('Invalid Refresh Token');
  if (record.revoked || state.revokedOrigins.has(record.originJti))
    throw notAuthorized('Refresh Token has been revoked');
  if (now >= record.expiresAt) throw notAuthorized('Refresh Token has expired');
  if (
    record.rotatedAt !== undefined &&
    now > record.rotatedAt + request.client.rotation.retryGracePeriodSeconds * 1000
  ) {
    throw new CognitoError('RefreshTokenReuseException', 'Refresh token has been rotated and can no longer be used');
  }
  if (request.deviceKey !== undefined && !record.user.devices.has(request.deviceKey))
    throw unknownDevice(record.user.pool);
  if (record.deviceKey !== undefined && record.deviceKey !== request.deviceKey)
    throw notAuthorized('Invalid Refresh Token');
  // Cognito refuses refresh from a device it tracked but that was never confirmed (ConfirmDevice): "Invalid Refresh
  // Token" (developer guide, amazon-cognito-user-pools-device-tracking; aws-amplify/amplify-android#2506).
  if (record.deviceKey !== undefined && record.user.devices.get(record.deviceKey)?.verifierHex === undefined) {
    throw notAuthorized('Invalid Refresh Token');
  }
  return record;
}

/** Mints new tokens from a usable refresh token (and a successor when rotation is on). */
export function refreshTokens(
  state: EmulatorState,
  request: RefreshRequest,
  record: RefreshTokenRecord,
): Record<string, unknown> {
  const { user, client } = record;
  const tokens = mintTokens(state, {
    user,
    client,
    authTime: record.authTime,
    originJti: record.originJti,
    deviceKey: record.deviceKey,
  });
  const result: Record<string, unknown> = { ...tokens };
  if (request.mayRotate && client.rotation.enabled) {
    record.rotatedAt ??= state.clock.now();
    const next = state.refreshTokens.issue({
      user,
      client,
      deviceKey: record.deviceKey,
      expiresAt: record.expiresAt,
      authTime: record.authTime,
      originJti: record.originJti,
    });
    result.RefreshToken = next.token;
  }
  return result;
}
