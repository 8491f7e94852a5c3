/**
 * Regions with a FIPS user-pool endpoint (cognito-idp-fips.<region>.amazonaws.com), per "Amazon Cognito endpoints and
 * quotas" (docs.aws.amazon.com/general/latest/gr/cognito.html). GovCloud has FIPS endpoints only ("Amazon Cognito in
 * AWS GovCloud (US)": cognito-idp-fips.us-gov-west-1 / us-gov-east-1), so a us-gov-* profile always uses them.
 */
export const FIPS_REGIONS: readonly string[] = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'];

/** The partition's DNS suffix: China's regions (cn-north-1, cn-northwest-1) live under amazonaws.com.cn. */
export function dnsSuffix(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** True when requests for this region go to the FIPS endpoint: always in GovCloud, on request where one exists. */
export function usesFips(region: string, fips = false): boolean {
  return region.startsWith('us-gov-') || (fips && FIPS_REGIONS.includes(region));
}

/** Where a FIPS choice cannot be honoured (no FIPS endpoint in that region), a sentence saying so; else undefined. */
export function fipsProblem(region: string, fips: boolean | undefined, customEndpoint?: string): string | undefined {
  if (!fips || customEndpoint || usesFips(region, true)) return undefined;
  return `fips: Cognito has FIPS endpoints only in ${FIPS_REGIONS.join(', ')} and GovCloud, not in ${region}`;
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
