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

/** Why a secret stored for `stored` is not sent for a profile now at `current`, as one sentence; undefined when they agree (or nothing was recorded). */
export function originChange(stored: string | undefined, current: string): string | undefined {
  if (stored === undefined || stored === current) return undefined;
  return `the profile's server changed since it was stored (from ${describe(stored)} to ${describe(current)}), so it is not sent there`;
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
