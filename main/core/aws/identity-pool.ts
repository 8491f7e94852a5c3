import { dnsSuffix, issuerFor } from '../cognito/endpoint.ts';

/** An identity pool id: `<region>:<guid>` (API_GetId, IdentityPoolId: `[\w-]+:[0-9a-f-]+`, at most 55 characters). */
export const IDENTITY_POOL_ID = /^[\w-]+:[0-9a-f-]+$/;

/** An IAM role ARN, for CustomRoleArn (token-based role mapping). */
export const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** The region an identity pool lives in: the part of its id before `:`. */
export function identityPoolRegion(identityPoolId: string): string {
  return identityPoolId.slice(0, identityPoolId.indexOf(':'));
}

/**
 * Where cognito-identity calls go: the profile's --identity-endpoint, else its --endpoint (an emulator, LocalStack or moto
 * serves both on one), else AWS's `https://cognito-identity.<region>.<partition suffix>/`.
 */
export function identityEndpoint(profile: {
  identityPoolId: string;
  identityEndpoint?: string | undefined;
  endpoint?: string | undefined;
}): string {
  const custom = profile.identityEndpoint ?? profile.endpoint;
  if (custom) return custom.replace(/\/+$/, '') + '/';
  const region = identityPoolRegion(profile.identityPoolId);
  return `https://cognito-identity.${region}.${dnsSuffix(region)}/`;
}

/** The Logins key of a user pool: its issuer without the scheme, `cognito-idp.<region>.amazonaws.com/<poolId>`. */
export function loginsKey(region: string, userPoolId: string): string {
  return issuerFor(region, userPoolId).replace(/^https:\/\//, '');
}
