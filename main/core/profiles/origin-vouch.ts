import { plainText } from '../../shared/plain-text.ts';
import { dnsSuffix, issuersFor } from '../cognito/endpoint.ts';
import { decodeJwtClaims } from '../tokens/jwt.ts';
import { identityPoolRegion } from '../aws/identity-pool.ts';
import { ownIdentityEndpoint, type OriginFields } from './secret-origin.ts';

/** The tokens of a stored session, as far as they can say who issued them. */
export interface VouchingTokens {
  accessToken: string;
  idToken?: string | undefined;
}

/**
 * Why the tokens of a session stored without its origin (by a release before origin binding) do not show that the
 * profile's current servers issued them; undefined when they do, and the session may be bound to them.
 *
 * - Endpoint: the tokens' `iss` must be the issuer the endpoint implies. AWS's Cognito hosts for the region (none set,
 *   the regional or FIPS host, a PrivateLink endpoint of cognito-idp) serve tokens with the pool's AWS issuer, original
 *   or updated ("ID token payload", and IssuerConfigurationType in the API reference). Any other endpoint vouches for
 *   itself only when its tokens name it, as cognito-local does (`iss` = its `http://host:port/<pool>`,
 *   node_modules/cognito-local/lib/services/tokenGenerator.js); tokens naming AWS's issuer from a custom endpoint
 *   (our emulator, a proxy, the attacker's server) cannot tell which server is meant.
 * - Client: the access token's `client_id` and the ID token's `aud` must be the profile's client.
 * - Domain (managed login, client credentials renew at <domain>/oauth2/token): no token names it. A Cognito prefix
 *   domain of the profile's region is AWS's own host, so a refresh token sent there reaches only Cognito; a custom
 *   domain can point anywhere, and cannot be vouched for.
 * - Identity endpoint of its own (the ID token goes there for AWS credentials): no token names it either; AWS's
 *   cognito-identity host of the identity pool's region is AWS's own, any other cannot be vouched for.
 */
export function vouchProblem(tokens: VouchingTokens, profile: OriginFields): string | undefined {
  const claims = [tokens.idToken, tokens.accessToken]
    .filter((token): token is string => Boolean(token))
    .map((token) => decodeJwtClaims(token));
  // A session rebuilt from its refresh token alone (vault-rebuild.ts) has no token left to ask.
  if (claims.length === 0 || claims.some((c) => c === undefined)) return 'only its refresh token was kept';
  const issuers = issuersImplied(profile);
  for (const c of claims) {
    if (!issuers.includes(String(c?.iss)))
      return `its tokens were issued by ${shown(c?.iss)}, not ${issuers.join(' or ')}`;
    const client = c?.token_use === 'id' ? c.aud : c?.client_id;
    if (client !== profile.clientId) return `its tokens are for client ${shown(client)}, not ${profile.clientId}`;
  }
  const domain = profile.domain ? domainProblem(profile.domain, profile.region) : undefined;
  return domain ?? identityEndpointProblem(profile);
}

/**
 * Why the profile's own identity endpoint cannot be vouched for (undefined when it has none, or AWS's cognito-identity
 * of the identity pool's region): all a session bound before identity endpoints counted needs.
 */
export function identityEndpointProblem(profile: OriginFields): string | undefined {
  const identity = ownIdentityEndpoint(profile);
  if (!identity || !profile.identityPoolId) return undefined;
  const region = identityPoolRegion(profile.identityPoolId).replace(/[^a-z0-9-]/g, '');
  const suffix = dnsSuffix(region).replace(/\./g, '\\.');
  let url: URL;
  try {
    url = new URL(identity);
  } catch {
    return `its identity endpoint ${shown(identity)} is not a URL`;
  }
  const aws = new RegExp(`^cognito-identity(?:-fips)?\\.${region}\\.${suffix}$`);
  if (url.protocol === 'https:' && aws.test(url.hostname)) return undefined;
  return `no token can show that the identity endpoint ${url.host} is AWS's cognito-identity`;
}

/** The issuers whose tokens vouch for the profile's endpoint. */
function issuersImplied(profile: OriginFields): string[] {
  const aws = issuersFor(profile.region, profile.userPoolId);
  if (!profile.endpoint) return aws;
  try {
    const url = new URL(profile.endpoint);
    if (url.protocol === 'https:' && isCognitoHost(url.hostname, profile.region)) return aws;
  } catch {
    return [];
  }
  return [`${profile.endpoint.replace(/\/+$/, '')}/${profile.userPoolId}`];
}

/**
 * AWS's Cognito user-pool hosts of a region: regional, FIPS, and an interface endpoint's own name
 * (`vpce-<id>.cognito-idp.<region>.vpce.amazonaws.com`, "Endpoint-specific DNS names" in the AWS PrivateLink guide).
 */
function isCognitoHost(hostname: string, region: string): boolean {
  const suffix = dnsSuffix(region).replace(/\./g, '\\.');
  const r = region.replace(/[^a-z0-9-]/g, '');
  return new RegExp(
    `^(?:cognito-idp(?:-fips)?\\.${r}\\.${suffix}|vpce-[a-z0-9-]+\\.cognito-idp\\.${r}\\.vpce\\.${suffix})$`,
  ).test(hostname);
}

/** Why a domain cannot be vouched for: anything but a Cognito prefix domain of the region (oauth-domain.ts's shape). */
function domainProblem(domain: string, region: string): string | undefined {
  let host: string;
  try {
    host = new URL(domain).hostname;
  } catch {
    return `its domain ${shown(domain)} is not a URL`;
  }
  if (
    new RegExp(`^[a-z0-9-]+\\.auth(?:-fips)?\\.${region.replace(/[^a-z0-9-]/g, '')}\\.amazoncognito\\.com$`).test(host)
  )
    return undefined;
  return `no token can show that the domain ${host} belongs to the pool (only a Cognito prefix domain of ${region} is AWS's own)`;
}

/** Token text as it may be shown in a message. */
function shown(value: unknown): string {
  return value === undefined ? 'none' : plainText(typeof value === 'string' ? value : JSON.stringify(value), 120);
}
