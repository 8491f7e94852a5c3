import type { IncomingMessage } from 'node:http';
import { checkAccessToken } from '../access-token-check.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { OAuthError } from './oauth-error.ts';

/** The attributes each OIDC scope releases (OpenID Connect Core §5.4), as Cognito's userInfo answers them. */
const SCOPE_CLAIMS: Record<string, string[]> = {
  email: ['email', 'email_verified'],
  phone: ['phone_number', 'phone_number_verified'],
  profile: [
    'name',
    'family_name',
    'given_name',
    'middle_name',
    'nickname',
    'preferred_username',
    'profile',
    'picture',
    'website',
    'gender',
    'birthdate',
    'zoneinfo',
    'locale',
    'updated_at',
    'address',
  ],
};

/**
 * GET /oauth2/userInfo with a Bearer access token that carries the openid scope; a missing, invalid or
 * revoked token is refused with 401 invalid_token (https://docs.aws.amazon.com/cognito/latest/developerguide/userinfo-endpoint.html).
 */
export function answerUserInfo(state: EmulatorState, req: IncomingMessage): Record<string, unknown> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!bearer) throw new OAuthError('invalid_request', 401);
  let owner;
  try {
    owner = checkAccessToken(state, bearer[1] ?? '');
  } catch {
    throw new OAuthError('invalid_token', 401);
  }
  const scopes = String(owner.claims.scope ?? '').split(' ');
  if (!scopes.includes('openid')) throw new OAuthError('insufficient_scope', 403);
  const info: Record<string, unknown> = { sub: owner.user.sub, username: owner.user.username };
  const released = new Set(scopes.flatMap((scope) => SCOPE_CLAIMS[scope] ?? []));
  const attributes: Record<string, string> = { ...owner.user.attributes };
  for (const name of ['email', 'phone_number'] as const) {
    if (attributes[name] !== undefined) attributes[`${name}_verified`] ??= 'true';
  }
  for (const [name, value] of Object.entries(attributes)) if (released.has(name)) info[name] = value;
  return info;
}
