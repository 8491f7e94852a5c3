import { CognitoServiceError } from '../cognito/cognito-errors.ts';

/**
 * Cognito's two answers for a device key it does not know: ResourceNotFoundException "Device does not exist." and
 * InvalidParameterException "Invalid device key given." (a generic type, so only its message tells it apart).
 */
export function isUnknownDevice(error: unknown): boolean {
  if (!(error instanceof CognitoServiceError)) return false;
  if (error.type === 'ResourceNotFoundException') return /device/i.test(error.serviceMessage);
  return error.type === 'InvalidParameterException' && /invalid device key/i.test(error.serviceMessage);
}
