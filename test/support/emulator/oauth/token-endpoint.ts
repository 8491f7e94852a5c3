import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { EmulatorState } from '../emulator-state.ts';
import type { ClientRecord } from '../pool-records.ts';
import { issuerOf } from '../pool-issuer.ts';
import { signJwt } from '../pool-signer.ts';
import { usableRefreshToken } from '../refresh-flow.ts';
import { mintTokens } from '../token-minter.ts';
import { authenticateClient } from './client-auth.ts';
import { OAuthError } from './oauth-error.ts';
import { oauthStore } from './oauth-store.ts';

/** The JSON body of a successful /oauth2/token answer. */
export type TokenAnswer = Record<string, string | number>;

function allowsFlow(client: ClientRecord, flow: 'code' | 'client_credentials'): boolean {
  return (client.oauth?.allowedOAuthFlows ?? []).includes(flow);
}

/** authorization_code: the code must be unused, unexpired, this client's, for this redirect_uri and, with PKCE, this verifier. */
function redeemCode(state: EmulatorState, client: ClientRecord, form: URLSearchParams): TokenAnswer {
  if (!allowsFlow(client, 'code')) throw new OAuthError('unauthorized_client');
  const code = form.get('code');
  const redirectUri = form.get('redirect_uri');
  if (!code || !redirectUri) throw new OAuthError('invalid_request');
  const record = oauthStore(state).codes.get(code);
  if (!record || record.request.client !== client) throw new OAuthError('invalid_grant');
  // A code works once; Cognito answers invalid_grant for a second use or an expired code.
  if (record.used || record.expiresAt <= state.clock.now()) throw new OAuthError('invalid_grant');
  record.used = true;
  if (record.request.redirectUri !== redirectUri) throw new OAuthError('invalid_grant');
  const challenge = record.request.codeChallenge;
  if (challenge !== undefined) {
    const verifier = form.get('code_verifier') ?? '';
    if (createHash('sha256').update(verifier).digest('base64url') !== challenge) throw new OAuthError('invalid_grant');
  }
  const { user, request, authTime } = record;
  const originJti = randomUUID();
  const refresh = state.refreshTokens.issue({
    user,
    client,
    deviceKey: undefined,
    expiresAt: state.clock.now() + client.refreshTokenValiditySeconds * 1000,
    authTime,
    originJti,
  });
  oauthStore(state).refreshScopes.set(refresh.token, request.scopes);
  const tokens = mintTokens(state, {
    user,
    client,
    authTime,
    originJti,
    deviceKey: undefined,
    scope: request.scopes.join(' '),
    ...(request.nonce ? { nonce: request.nonce } : {}),
  });
  return {
    access_token: tokens.AccessToken,
    ...(request.scopes.includes('openid') ? { id_token: tokens.IdToken } : {}),
    refresh_token: refresh.token,
    token_type: 'Bearer',
    expires_in: client.accessTokenValiditySeconds,
  };
}

/** refresh_token: new access (and ID) tokens with the scopes of the original grant; no new refresh token. */
function redeemRefreshToken(state: EmulatorState, client: ClientRecord, form: URLSearchParams): TokenAnswer {
  const token = form.get('refresh_token');
  if (!token) throw new OAuthError('invalid_request');
  let record;
  try {
    record = usableRefreshToken(state, { client, token, deviceKey: undefined, mayRotate: false });
  } catch {
    throw new OAuthError('invalid_grant');
  }
  const scopes = oauthStore(state).refreshScopes.get(token) ?? ['aws.cognito.signin.user.admin'];
  const tokens = mintTokens(state, {
    user: record.user,
    client,
    authTime: record.authTime,
    originJti: record.originJti,
    deviceKey: record.deviceKey,
    scope: scopes.join(' '),
  });
  return {
    access_token: tokens.AccessToken,
    id_token: tokens.IdToken,
    token_type: 'Bearer',
    expires_in: client.accessTokenValiditySeconds,
  };
}

/** The custom scopes of the pool's resource servers (`<identifier>/<scope>`): the only ones client credentials can carry. */
function resourceServerScopes(client: ClientRecord): string[] {
  return client.pool.resourceServers.flatMap((server) => server.scopes.map((scope) => `${server.identifier}/${scope}`));
}

/**
 * client_credentials: a confidential client only; every asked scope must be one of the client's allowed
 * resource-server scopes (else invalid_scope); with no scope, all of them. No refresh token, no ID token.
 */
function clientCredentials(state: EmulatorState, client: ClientRecord, form: URLSearchParams): TokenAnswer {
  if (client.secret === undefined) throw new OAuthError('invalid_client');
  if (!allowsFlow(client, 'client_credentials')) throw new OAuthError('unauthorized_client');
  const allowed = (client.oauth?.allowedOAuthScopes ?? []).filter((scope) =>
    resourceServerScopes(client).includes(scope),
  );
  const asked = (form.get('scope') ?? '').split(' ').filter(Boolean);
  if (asked.some((scope) => !allowed.includes(scope))) throw new OAuthError('invalid_scope');
  const scopes = asked.length > 0 ? asked : allowed;
  if (scopes.length === 0) throw new OAuthError('invalid_scope');
  const iat = Math.floor(state.clock.now() / 1000);
  const claims = {
    sub: client.id,
    token_use: 'access',
    scope: scopes.join(' '),
    auth_time: iat,
    iss: issuerOf(client.pool),
    exp: iat + client.accessTokenValiditySeconds,
    iat,
    version: 2,
    jti: randomUUID(),
    client_id: client.id,
  };
  return {
    access_token: signJwt(client.pool.signer, claims),
    token_type: 'Bearer',
    expires_in: client.accessTokenValiditySeconds,
  };
}

/** POST /oauth2/token (form-encoded), as https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html describes it. */
export function answerToken(state: EmulatorState, req: IncomingMessage, text: string): TokenAnswer {
  if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
    throw new OAuthError('invalid_request');
  const form = new URLSearchParams(text);
  const grant = form.get('grant_type');
  if (!grant) throw new OAuthError('invalid_request');
  const client = authenticateClient(state, req, form);
  if (grant === 'authorization_code') return redeemCode(state, client, form);
  if (grant === 'refresh_token') return redeemRefreshToken(state, client, form);
  if (grant === 'client_credentials') return clientCredentials(state, client, form);
  throw new OAuthError('unsupported_grant_type');
}
