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
