import type { PoolRecord } from '../pool-records.ts';
import { issuerOf } from '../pool-issuer.ts';

/**
 * A pool's OpenID Provider metadata, as Cognito serves it at `<issuer>/.well-known/openid-configuration`
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-oidc-flows.html): the issuer is the
 * AWS one its tokens carry, the endpoints are on the pool's domain, which for the emulator is its own origin.
 */
export function openidConfiguration(pool: PoolRecord, origin: string): Record<string, unknown> {
  return {
    issuer: issuerOf(pool),
    authorization_endpoint: `${origin}/oauth2/authorize`,
    token_endpoint: `${origin}/oauth2/token`,
    revocation_endpoint: `${origin}/oauth2/revoke`,
    userinfo_endpoint: `${origin}/oauth2/userInfo`,
    jwks_uri: `${origin}/${pool.id}/.well-known/jwks.json`,
    response_types_supported: ['code', 'token'],
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    code_challenge_methods_supported: ['S256'],
  };
}
