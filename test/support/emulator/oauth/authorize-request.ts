import type { EmulatorState } from '../emulator-state.ts';
import type { AuthorizeRequest } from './oauth-store.ts';

/** A request that cannot go back to the app (unknown client, unregistered redirect_uri): Cognito shows its error page. */
export class AuthorizePageError extends Error {}

/** A request whose redirect_uri is trusted: the error goes back to the app as `?error=...&state=...`. */
export class AuthorizeRedirectError extends Error {
  readonly redirectUri: string;
  readonly state: string | undefined;
  constructor(error: string, redirectUri: string, state: string | undefined) {
    super(error);
    this.redirectUri = redirectUri;
    this.state = state;
  }
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * True when `given` is a registered callback URL. Matching is exact, except that an http loopback callback
 * registered without a port accepts any port (RFC 8252 §7.3), which Cognito allows for loopback IP literals
 * (Cognito team in https://github.com/microsoft/vscode/issues/256122, 2025-08-28).
 */
export function callbackRegistered(registered: string[], given: string): boolean {
  if (registered.includes(given)) return true;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname)) return false;
  const portless = `${url.protocol}//${url.hostname}${url.pathname}${url.search}`;
  return registered.includes(portless);
}

/**
 * Validates /oauth2/authorize (and the login pages that carry its query) the way Cognito does
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html): client and
 * redirect_uri first (error page), then response_type, scope, PKCE method and identity provider (redirect).
 */
export function parseAuthorizeRequest(state: EmulatorState, query: URLSearchParams): AuthorizeRequest {
  const client = state.clients.get(query.get('client_id') ?? '');
  if (!client) throw new AuthorizePageError('Client does not exist');
  const oauth = client.oauth;
  const redirectUri = query.get('redirect_uri') ?? '';
  if (!oauth || !callbackRegistered(oauth.callbackUrls ?? [], redirectUri))
    throw new AuthorizePageError('redirect_mismatch');
  const appState = query.get('state') ?? undefined;
  const fail = (error: string): never => {
    throw new AuthorizeRedirectError(error, redirectUri, appState);
  };
  if (query.get('response_type') !== 'code') fail('unsupported_response_type');
  if (!(oauth.allowedOAuthFlows ?? []).includes('code')) fail('unauthorized_client');
  const allowed = oauth.allowedOAuthScopes ?? [];
  const asked = (query.get('scope') ?? '').split(' ').filter(Boolean);
  if (asked.some((scope) => !allowed.includes(scope))) fail('invalid_scope');
  const method = query.get('code_challenge_method');
  const challenge = query.get('code_challenge') ?? undefined;
  // Cognito supports only S256 (the plain method is refused).
  if ((method !== null || challenge !== undefined) && (method !== 'S256' || !challenge)) fail('invalid_request');
  const provider = query.get('identity_provider');
  if (provider !== null && !(oauth.supportedIdentityProviders ?? ['COGNITO']).includes(provider))
    fail('invalid_request');
  return {
    client,
    redirectUri,
    scopes: asked.length > 0 ? asked : allowed,
    state: appState,
    nonce: query.get('nonce') ?? undefined,
    codeChallenge: challenge,
  };
}

/** The redirect that hands an error back to the app. */
export function errorRedirect(error: AuthorizeRedirectError): string {
  const url = new URL(error.redirectUri);
  url.searchParams.set('error', error.message);
  if (error.state !== undefined) url.searchParams.set('state', error.state);
  return url.toString();
}
