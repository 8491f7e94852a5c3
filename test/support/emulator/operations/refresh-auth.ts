import type { EmulatorState } from '../emulator-state.ts';
import type { ClientRecord } from '../pool-records.ts';
import { refreshTokens, usableRefreshToken } from '../refresh-flow.ts';
import { flowNotEnabled, requiredParameter, requireFlow } from '../request-fields.ts';
import { checkSecretHash, requireSecretHashPresent } from '../secret-hash.ts';

/** InitiateAuth REFRESH_TOKEN_AUTH / REFRESH_TOKEN: new access and ID tokens, no new refresh token. */
export function refreshTokenAuth(
  state: EmulatorState,
  client: ClientRecord,
  params: Record<string, string>,
): Record<string, unknown> {
  // "Refresh token rotation must be completed with GetTokensFromRefreshToken" (API_RefreshTokenRotationType): a rotation
  // client has REFRESH_TOKEN_AUTH off, so it is refused like any flow the client does not allow.
  if (client.rotation.enabled) throw flowNotEnabled('REFRESH_TOKEN_AUTH');
  requireFlow(client, 'ALLOW_REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN_AUTH');
  const token = requiredParameter(params, 'REFRESH_TOKEN');
  requireSecretHashPresent(client, params.SECRET_HASH);
  const request = { client, token, deviceKey: params.DEVICE_KEY, mayRotate: false };
  const record = usableRefreshToken(state, request);
  checkSecretHash(client, [record.user.username, record.user.sub], params.SECRET_HASH);
  return { AuthenticationResult: refreshTokens(state, request, record), ChallengeParameters: {} };
}
