import { cognitoEndpoint } from '../cognito/endpoint.ts';
import type { Profile } from './profile.ts';

/** The fields of a profile that say where its secrets go. */
export type OriginFields = Pick<Profile, 'region' | 'userPoolId' | 'clientId'> & {
  endpoint?: string | undefined;
  domain?: string | undefined;
  fips?: boolean | undefined;
};

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
  /** Stored by a release before origin binding, and nothing vouches for where the profile points now: not sent, kept. */
  | { kind: 'unverified'; reason: string };

/**
 * The one rule for sending a stored secret. One stored with its origin goes only there. One stored without (by a
 * release before origin binding) is bound to the profile's current origin when `legacyProblem` finds nothing against
 * it (origin-vouch.ts: the session's own tokens; for a client secret or device key, the profile's bound session), and
 * otherwise is sent nowhere: an edit made before the upgrade (the attack this defends against) cannot be told apart.
 */
export function secretBinding(
  stored: string | undefined,
  current: string,
  legacyProblem: () => string | undefined,
): SecretBinding {
  if (stored !== undefined) {
    const moved = originChange(stored, current);
    return moved ? { kind: 'moved', reason: moved } : { kind: 'bound', origin: current, newly: false };
  }
  const problem = legacyProblem();
  if (problem === undefined) return { kind: 'bound', origin: current, newly: true };
  return {
    kind: 'unverified',
    reason: `it was stored by an older release, before secrets were bound to their server, and nothing shows that ${describe(current)} is where it was issued (${problem}), so it is not sent there`,
  };
}

function describe(origin: string): string {
  const [endpoint, domain, pool, client] = origin.split(' ');
  return [endpoint?.replace(/\/$/, ''), domain !== '-' ? domain : undefined, `pool ${pool}`, `client ${client}`]
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
