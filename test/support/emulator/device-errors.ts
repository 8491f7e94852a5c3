import { CognitoError } from './cognito-error.ts';
import type { PoolRecord } from './pool-records.ts';

/**
 * What Cognito answers for a device key it does not know. Both are seen from the real service: ResourceNotFoundException
 * "Device does not exist." (API_ConfirmDevice / API_InitiateAuth list it) and InvalidParameterException "Invalid device
 * key given." (reported from the real service in aws-amplify/amplify-js#2087 and boto/boto3#4059, at RespondToAuthChallenge and
 * ConfirmDevice); the pool's seed picks one.
 */
export function unknownDevice(pool: PoolRecord): CognitoError {
  return pool.unknownDeviceError === 'InvalidParameterException'
    ? new CognitoError('InvalidParameterException', 'Invalid device key given.')
    : new CognitoError('ResourceNotFoundException', 'Device does not exist.');
}
