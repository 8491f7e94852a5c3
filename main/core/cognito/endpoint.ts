import { usesFips } from '../../shared/fips.ts';

/** The FIPS rules live in main/shared/fips.ts (the profile form uses them too); re-exported for main's callers. */
export { FIPS_REGIONS, fipsProblem, usesFips } from '../../shared/fips.ts';

/** The partition's DNS suffix: China's regions (cn-north-1, cn-northwest-1) live under amazonaws.com.cn. */
export function dnsSuffix(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** The Cognito user-pool endpoint of a region (partition and FIPS aware), unless the profile overrides it (emulators, VPC endpoints). */
export function cognitoEndpoint(region: string, customEndpoint?: string, fips = false): string {
  if (customEndpoint) return customEndpoint.replace(/\/+$/, '') + '/';
  const host = usesFips(region, fips) ? 'cognito-idp-fips' : 'cognito-idp';
  return `https://${host}.${region}.${dnsSuffix(region)}/`;
}

/**
 * The token issuer (`iss`) of a user pool: `https://cognito-idp.<region>.<partition suffix>/<poolId>`, whichever endpoint
 * served the tokens (FIPS, VPC, a replica's); "ID token payload" in the Cognito developer guide.
 */
export function issuerFor(region: string, userPoolId: string): string {
  return `https://cognito-idp.${region}.${dnsSuffix(region)}/${userPoolId}`;
}

/**
 * Every `iss` a pool's tokens may carry: the original issuer above, and the "updated" one a pool gets with
 * IssuerConfiguration `UPDATED` (`https://issuer-cognito-idp.<region>.amazonaws.com/<poolId>`, the pool's primary
 * region; AWS recommends it for every pool and for multi-Region replication: API reference, IssuerConfigurationType).
 */
export function issuersFor(region: string, userPoolId: string): [original: string, updated: string] {
  return [issuerFor(region, userPoolId), `https://issuer-cognito-idp.${region}.${dnsSuffix(region)}/${userPoolId}`];
}

/** True for a host that never leaves this computer: localhost, 127.0.0.0/8, ::1 (RFC 6890; URL keeps IPv6 in brackets). */
export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127(?:\.\d{1,3}){3}$/.test(hostname)
  );
}

/**
 * Why a custom Cognito endpoint cannot be used, or undefined when it can: https for any host, plain http only on a
 * loopback address (a local emulator), since a password, a refresh token or a client secret travels to it.
 */
export function endpointProblem(endpoint: string): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return `"${endpoint}" is not a URL`;
  }
  if (url.username || url.password) return 'expected no credentials in the URL';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return undefined;
  return url.protocol === 'http:'
    ? 'plain http:// only for a loopback address such as 127.0.0.1 (a local emulator); use https://'
    : 'expected an https:// URL';
}

/** True for a host of AWS's own: Cognito's service endpoints (amazonaws.com, .com.cn) and managed-login prefix domains. */
export function isAwsHost(hostname: string): boolean {
  return /\.amazonaws\.com(\.cn)?$/.test(hostname) || /\.amazoncognito\.com$/.test(hostname);
}

/**
 * The servers of a profile that are not AWS's (a custom endpoint, a custom or local domain, an identity endpoint of its
 * own), as origins: where its password, tokens or client secret would go instead of AWS. Shown by `profile list` and
 * `status`, and confirmed on import.
 */
export function customServers(profile: {
  endpoint?: string | undefined;
  domain?: string | undefined;
  identityEndpoint?: string | undefined;
}): string[] {
  const origins = new Set<string>();
  for (const value of [profile.endpoint, profile.domain, profile.identityEndpoint]) {
    if (!value) continue;
    try {
      const url = new URL(value);
      if (!isAwsHost(url.hostname)) origins.add(url.origin);
    } catch {
      origins.add(value); // not a URL: validation refuses it anyway; shown as it is meanwhile
    }
  }
  return [...origins];
}
