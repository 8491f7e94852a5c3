import { CognitoError } from '../cognito-error.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { clientFor, requiredMember, type RequestBody } from '../request-fields.ts';
import { clientSecretMatches } from '../secret-hash.ts';

/** RevokeToken: revokes a refresh token and every token minted from the same sign-in. */
export function revokeToken(state: EmulatorState, body: RequestBody): Record<string, unknown> {
  const token = requiredMember(body, 'Token');
  const client = clientFor(state, body);
  // API_RevokeToken: UnsupportedOperationException when token revocation is not enabled for the app client
  // (EnableTokenRevocation false, the default of clients created before revocation existed).
  if (!client.tokenRevocation) {
    throw new CognitoError('UnsupportedOperationException', `Token revocation is not enabled for client ${client.id}.`);
  }
  if (client.secret !== undefined && body.ClientSecret === undefined) {
    throw new CognitoError(
      'UnauthorizedException',
      `Client ${client.id} is configured for secret but secret was not received`,
    );
  }
  if (!clientSecretMatches(client, body.ClientSecret)) {
    throw new CognitoError('UnauthorizedException', `Unable to verify client secret for client ${client.id}`);
  }
  if (token.split('.').length === 3) throw new CognitoError('UnsupportedTokenTypeException', 'Unsupported token type');
  const record = state.refreshTokens.find(token);
  if (!record) return {};
  if (record.client !== client) throw new CognitoError('UnauthorizedException', 'Token was not issued to this client');
  record.revoked = true;
  state.revokedOrigins.add(record.originJti);
  return {};
}
