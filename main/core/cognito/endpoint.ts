/** The Cognito user-pool endpoint of a region, unless the profile overrides it (emulators, VPC or FIPS endpoints). */
export function cognitoEndpoint(region: string, customEndpoint?: string): string {
  if (customEndpoint) return customEndpoint.replace(/\/+$/, '') + '/';
  return `https://cognito-idp.${region}.amazonaws.com/`;
}

/** The token issuer (`iss`) of a user pool as seen through an endpoint: emulators serve it under their own origin. */
export function issuerFor(region: string, userPoolId: string, customEndpoint?: string): string {
  return `${cognitoEndpoint(region, customEndpoint)}${userPoolId}`;
}
