import type { SignedParts } from './aws/sigv4.ts';
import { getCredentialsForIdentity, getId, getOpenIdToken } from './aws/identity-pool-ops.ts';
import type { EmulatorState } from './emulator-state.ts';
import { adminInitiateAuth, adminRespondToAuthChallenge } from './operations/admin-auth.ts';
import { confirmDevice, forgetDevice, updateDeviceStatus } from './operations/devices.ts';
import { getTokensFromRefreshToken } from './operations/get-tokens-from-refresh-token.ts';
import { globalSignOut } from './operations/global-sign-out.ts';
import { initiateAuth } from './operations/initiate-auth.ts';
import { respondToAuthChallenge } from './operations/respond-to-auth-challenge.ts';
import { revokeToken } from './operations/revoke-token.ts';
import { associateSoftwareToken, verifySoftwareToken } from './operations/software-token.ts';
import type { RequestBody } from './request-fields.ts';

/** One operation: takes the parsed body (and the request, for those that check its signature), returns the response body or throws a CognitoError. */
export type OperationHandler = (
  state: EmulatorState,
  body: RequestBody,
  request: SignedParts,
) => Record<string, unknown>;

/** Every operation the emulator speaks, by the name after `AWSCognitoIdentityProviderService.`. */
export const operations: Readonly<Record<string, OperationHandler>> = {
  InitiateAuth: initiateAuth,
  RespondToAuthChallenge: respondToAuthChallenge,
  GetTokensFromRefreshToken: getTokensFromRefreshToken,
  RevokeToken: revokeToken,
  GlobalSignOut: globalSignOut,
  AssociateSoftwareToken: associateSoftwareToken,
  VerifySoftwareToken: verifySoftwareToken,
  ConfirmDevice: confirmDevice,
  UpdateDeviceStatus: updateDeviceStatus,
  ForgetDevice: forgetDevice,
  AdminInitiateAuth: adminInitiateAuth,
  AdminRespondToAuthChallenge: adminRespondToAuthChallenge,
};

/** The cognito-identity operations, by the name after `AWSCognitoIdentityService.` (public APIs: no signature needed). */
export const identityOperations: Readonly<Record<string, OperationHandler>> = {
  GetId: getId,
  GetCredentialsForIdentity: getCredentialsForIdentity,
  GetOpenIdToken: getOpenIdToken,
};

/** Each JSON 1.1 service the endpoint speaks: its X-Amz-Target prefix and operations. */
export const services: readonly { prefix: string; operations: Readonly<Record<string, OperationHandler>> }[] = [
  { prefix: 'AWSCognitoIdentityProviderService.', operations },
  { prefix: 'AWSCognitoIdentityService.', operations: identityOperations },
];
