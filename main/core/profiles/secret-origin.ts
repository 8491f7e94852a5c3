import { identityEndpoint } from '../aws/identity-pool.ts';
import { cognitoEndpoint } from '../cognito/endpoint.ts';
import type { Profile } from './profile.ts';

/** The fields of a profile that say where its secrets go. */
export type OriginFields = Pick<Profile, 'region' | 'userPoolId' | 'clientId'> & {
  endpoint?: string | undefined;
  domain?: string | undefined;
  fips?: boolean | undefined;
  identityPoolId?: string | undefined;
  identityEndpoint?: string | undefined;
};

/** How a session's origin names the identity endpoint its ID token goes to, when that is not the Cognito endpoint. */
const IDENTITY = 'identity:';

/**
 * Where a profile's secrets were issued and may be sent: the Cognito endpoint (its own or AWS's for the region), the
 * OAuth domain, the pool and the client, as one string. A refresh token, a client secret or a device key is stored
 * with it, and is sent only while the profile still names the same one.
 */
export function secretOrigin(profile: OriginFields): string {
  return [
    cognitoEndpoint(profile.region, profile.endpoint, profile.fips === true),
    originOf(profile.domain) || '-',
    profile.userPoolId,
    profile.clientId,
  ].join(' ');
}

/**
 * Where a profile's session may be used: its secrets' origin and, when the profile sends its ID token for AWS
 * credentials to a cognito-identity endpoint of its own (`identityEndpoint`, not the Cognito endpoint), that endpoint.
 * AWS's default and the Cognito endpoint add nothing, so most sessions keep the origin they were bound with.
 */
export function sessionOrigin(profile: OriginFields): string {
  const identity = ownIdentityEndpoint(profile);
  return identity ? `${secretOrigin(profile)} ${IDENTITY}${identity}` : secretOrigin(profile);
}

/** The cognito-identity endpoint the profile sends its ID token to, when it sets one that is not its Cognito endpoint. */
export function ownIdentityEndpoint(profile: OriginFields): string | undefined {
  if (!profile.identityPoolId || !profile.identityEndpoint) return undefined;
  const identity = identityEndpoint({ ...profile, identityPoolId: profile.identityPoolId });
  return identity === cognitoEndpoint(profile.region, profile.endpoint, profile.fips === true) ? undefined : identity;
}

/** Why a secret stored for `stored` is not sent for a profile now at `current`, as one sentence; undefined when they agree. */
export function originChange(stored: string, current: string): string | undefined {
  if (stored === current) return undefined;
  return `the profile's server changed since it was stored (from ${describe(stored)} to ${describe(current)}), so it is not sent there`;
}

/** What may be done with a stored secret (a session, a client secret, a device key) for a profile as it is now. */
export type SecretBinding =
  /** Sent to `origin`; `newly` when it was stored without one and has just been vouched for (persist it, once). */
  | { kind: 'bound'; origin: string; newly: boolean }
  /** Stored for another origin: never sent for this profile again. */
  | { kind: 'moved'; reason: string }
  /** Stored before its origin (or all of it) was kept, and nothing vouches for where the profile points now: not sent, kept. */
  | { kind: 'unverified'; reason: string };

/**
 * The one rule for sending a stored secret. One stored with its origin goes only there. One stored without (by a
 * release before origin binding), or for only part of what the profile now names (a session bound before its
 * identity endpoint counted), is bound to the profile's current origin when `legacyProblem` finds nothing against
 * it (origin-vouch.ts: the session's own tokens; for a client secret or device key, the profile's bound session), and
 * otherwise is sent nowhere: an edit made before the upgrade (the attack this defends against) cannot be told apart.
 */
export function secretBinding(
  stored: string | undefined,
  current: string,
  legacyProblem: (stored: string | undefined) => string | undefined,
): SecretBinding {
  // Bound before the profile named more servers (an identity endpoint of its own): vouched for like an older one.
  const before = stored !== undefined && current.startsWith(`${stored} `);
  if (stored !== undefined && !before) {
    const moved = originChange(stored, current);
    return moved ? { kind: 'moved', reason: moved } : { kind: 'bound', origin: current, newly: false };
  }
  const problem = legacyProblem(stored);
  if (problem === undefined) return { kind: 'bound', origin: current, newly: true };
  return {
    kind: 'unverified',
    reason: `it was stored ${before ? `for ${describe(stored)} only` : 'by an older release, before secrets were bound to their server'}, and nothing shows that ${describe(current)} is where it was issued (${problem}), so it is not sent there`,
  };
}

function describe(origin: string): string {
  const [endpoint, domain, pool, client, identity] = origin.split(' ');
  return [
    endpoint?.replace(/\/$/, ''),
    domain !== '-' ? domain : undefined,
    `pool ${pool}`,
    `client ${client}`,
    identity?.startsWith(IDENTITY)
      ? `identity endpoint ${identity.slice(IDENTITY.length).replace(/\/$/, '')}`
      : undefined,
  ]
    .filter(Boolean)
    .join(', ');
}

function originOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
