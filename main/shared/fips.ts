// Where Cognito has FIPS endpoints, once: main builds endpoints and validates profiles with it
// (main/core/cognito/endpoint.ts, main/core/profiles/profile.ts) and the profile form checks the box with it. Pure, so both projects compile it.

/**
 * Regions with a FIPS user-pool endpoint (cognito-idp-fips.<region>.amazonaws.com), per "Amazon Cognito endpoints and
 * quotas" (docs.aws.amazon.com/general/latest/gr/cognito.html). GovCloud has FIPS endpoints only ("Amazon Cognito in
 * AWS GovCloud (US)": cognito-idp-fips.us-gov-west-1 / us-gov-east-1), so a us-gov-* profile always uses them.
 */
export const FIPS_REGIONS: readonly string[] = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'];

/** True when the region has only FIPS endpoints (GovCloud), so FIPS is always on there. */
export function fipsAlwaysOn(region: string): boolean {
  return region.startsWith('us-gov-');
}

/** True when requests for this region go to the FIPS endpoint: always in GovCloud, on request where one exists. */
export function usesFips(region: string, fips = false): boolean {
  return fipsAlwaysOn(region) || (fips && FIPS_REGIONS.includes(region));
}

/** Where a FIPS choice cannot be honoured (no FIPS endpoint in that region), a sentence saying so; else undefined. */
export function fipsProblem(region: string, fips: boolean | undefined, customEndpoint?: string): string | undefined {
  if (!fips || customEndpoint || usesFips(region, true)) return undefined;
  return `fips: Cognito has FIPS endpoints only in ${FIPS_REGIONS.join(', ')} and GovCloud, not in ${region}`;
}
