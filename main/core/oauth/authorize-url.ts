import { oauthEndpoints } from './oauth-domain.ts';

/** What goes into an /oauth2/authorize URL. */
export interface AuthorizeParameters {
  domain: string;
  clientId: string;
  redirectUri: string;
  scopes: string[] | undefined;
  state: string;
  nonce: string;
  codeChallenge: string;
  /** Straight to this provider (a name such as "Google" or a SAML/OIDC provider's name), skipping the provider choice. */
  identityProvider?: string | undefined;
  /** Straight to the provider registered under this identifier (e.g. a corporate e-mail domain). */
  idpIdentifier?: string | undefined;
}

/**
 * The managed-login URL for the authorization-code grant with PKCE S256, as
 * https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html describes it. With no
 * scopes, Cognito grants all the client's allowed scopes.
 */
export function authorizeUrl(p: AuthorizeParameters): string {
  const url = new URL(oauthEndpoints(p.domain).authorize);
  const query = url.searchParams;
  query.set('response_type', 'code');
  query.set('client_id', p.clientId);
  query.set('redirect_uri', p.redirectUri);
  if (p.scopes && p.scopes.length > 0) query.set('scope', p.scopes.join(' '));
  query.set('state', p.state);
  query.set('nonce', p.nonce);
  query.set('code_challenge', p.codeChallenge);
  query.set('code_challenge_method', 'S256');
  if (p.identityProvider) query.set('identity_provider', p.identityProvider);
  if (p.idpIdentifier) query.set('idp_identifier', p.idpIdentifier);
  // URLSearchParams writes spaces as "+"; Cognito (and RFC 3986) read %20 everywhere.
  return url.toString().replace(/\+/g, '%20');
}
