import type { IncomingMessage } from 'node:http';
import type { EmulatorState } from '../emulator-state.ts';
import { authenticateClient } from './client-auth.ts';
import { OAuthError } from './oauth-error.ts';

/**
 * POST /oauth2/revoke: revokes a refresh token and the access tokens of its sign-in. A JWT is refused with
 * unsupported_token_type; an unknown token answers 200 as RFC 7009 §2.2 asks; a client with token revocation off
 * (EnableTokenRevocation false) gets HTTP 400 invalid_request ("Revocation error response": "If the token isn't present
 * in the request or if the feature is disabled for the app client, you receive an HTTP 400 and error invalid_request",
 * https://docs.aws.amazon.com/cognito/latest/developerguide/revocation-endpoint.html).
 */
export function answerRevoke(state: EmulatorState, req: IncomingMessage, text: string): void {
  const form = new URLSearchParams(text);
  const token = form.get('token');
  if (!token) throw new OAuthError('invalid_request');
  const client = authenticateClient(state, req, form);
  if (!client.tokenRevocation) throw new OAuthError('invalid_request');
  if (token.split('.').length === 3) throw new OAuthError('unsupported_token_type');
  const record = state.refreshTokens.find(token);
  if (!record || record.client !== client) return;
  record.revoked = true;
  state.revokedOrigins.add(record.originJti);
}
