import type { EmulatorState } from './emulator-state.ts';
import { confirmDevice, forgetDevice, updateDeviceStatus } from './operations/devices.ts';
import { getTokensFromRefreshToken } from './operations/get-tokens-from-refresh-token.ts';
import { globalSignOut } from './operations/global-sign-out.ts';
import { initiateAuth } from './operations/initiate-auth.ts';
import { respondToAuthChallenge } from './operations/respond-to-auth-challenge.ts';
import { revokeToken } from './operations/revoke-token.ts';
import { associateSoftwareToken, verifySoftwareToken } from './operations/software-token.ts';
import type { RequestBody } from './request-fields.ts';

/** One Cognito operation: takes the parsed body, returns the response body or throws a CognitoError. */
export type OperationHandler = (state: EmulatorState, body: RequestBody) => Record<string, unknown>;

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
};
