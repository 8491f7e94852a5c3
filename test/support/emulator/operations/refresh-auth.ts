import { invalidParameter } from '../cognito-error.ts';
import type { EmulatorState } from '../emulator-state.ts';
import type { ClientRecord } from '../pool-records.ts';
import { refreshTokens, usableRefreshToken } from '../refresh-flow.ts';
import { requiredParameter, requireFlow } from '../request-fields.ts';
import { checkSecretHash, requireSecretHashPresent } from '../secret-hash.ts';

/** InitiateAuth REFRESH_TOKEN_AUTH / REFRESH_TOKEN: new access and ID tokens, no new refresh token. */
export function refreshTokenAuth(state: EmulatorState, client: ClientRecord, params: Record<string, string>): Record<string, unknown> {
  requireFlow(client, 'ALLOW_REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN_AUTH');
  if (client.rotation.enabled) {
    throw invalidParameter('REFRESH_TOKEN_AUTH is not supported when refresh token rotation is enabled for the client; use GetTokensFromRefreshToken');
  }
  const token = requiredParameter(params, 'REFRESH_TOKEN');
  requireSecretHashPresent(client, params.SECRET_HASH);
  const request = { client, token, deviceKey: params.DEVICE_KEY, mayRotate: false };
  const record = usableRefreshToken(state, request);
  checkSecretHash(client, [record.user.username, record.user.sub], params.SECRET_HASH);
  return { AuthenticationResult: refreshTokens(state, request, record), ChallengeParameters: {} };
}
