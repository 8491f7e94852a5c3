import type { EmulatorState } from '../emulator-state.ts';

/**
 * A pool's OpenID Provider metadata, served at `<issuer>/.well-known/openid-configuration` as Cognito does
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-oidc-flows.html). Cognito
 * points the endpoints at the pool's domain; the emulator is its own domain.
 */
export function openidConfiguration(state: EmulatorState, poolId: string): Record<string, unknown> {
  const issuer = `${state.issuerBase}/${poolId}`;
  const domain = state.issuerBase;
  return {
    issuer,
    authorization_endpoint: `${domain}/oauth2/authorize`,
    token_endpoint: `${domain}/oauth2/token`,
    revocation_endpoint: `${domain}/oauth2/revoke`,
    userinfo_endpoint: `${domain}/oauth2/userInfo`,
    end_session_endpoint: `${domain}/logout`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    response_types_supported: ['code', 'token'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    code_challenge_methods_supported: ['S256'],
  };
}
