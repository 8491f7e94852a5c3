import { notAuthorized } from '../cognito-error.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { refreshTokens, usableRefreshToken } from '../refresh-flow.ts';
import { clientFor, optionalMember, requiredMember, requireFlow, type RequestBody } from '../request-fields.ts';
import { clientSecretMatches } from '../secret-hash.ts';

/** GetTokensFromRefreshToken: the newer refresh call; with rotation on it also returns a new RefreshToken. */
export function getTokensFromRefreshToken(state: EmulatorState, body: RequestBody): Record<string, unknown> {
  const token = requiredMember(body, 'RefreshToken');
  const client = clientFor(state, body);
  // With rotation on, GetTokensFromRefreshToken is the only way to refresh (API_RefreshTokenRotationType), whatever
  // the client's explicit flows say; without rotation it follows ALLOW_REFRESH_TOKEN_AUTH like REFRESH_TOKEN_AUTH.
  if (!client.rotation.enabled) requireFlow(client, 'ALLOW_REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN_AUTH');
  const secret = optionalMember(body, 'ClientSecret');
  if (client.secret !== undefined && !secret) {
    throw notAuthorized(`Client ${client.id} is configured for secret but secret was not received`);
  }
  if (!clientSecretMatches(client, secret)) throw notAuthorized(`Unable to verify secret hash for client ${client.id}`);
  const request = { client, token, deviceKey: optionalMember(body, 'DeviceKey'), mayRotate: true };
  const record = usableRefreshToken(state, request);
  return { AuthenticationResult: refreshTokens(state, request, record) };
}
