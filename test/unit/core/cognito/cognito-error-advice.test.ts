import { describe, expect, it } from 'vitest';
import { ERROR_ADVICE } from '../../../../main/core/cognito/cognito-error-advice.ts';
import { CognitoServiceError, describeCognitoError } from '../../../../main/core/cognito/cognito-errors.ts';

/** The error types the project's protocol reference (cognito-protocol.md, "Wire format") names, plus the sign-in ones around them. */
const REFERENCE_TYPES = [
  'NotAuthorizedException',
  'UserNotFoundException',
  'UserNotConfirmedException',
  'PasswordResetRequiredException',
  'InvalidParameterException',
  'ResourceNotFoundException',
  'TooManyRequestsException',
  'LimitExceededException',
  'CodeMismatchException',
  'ExpiredCodeException',
  'InvalidPasswordException',
  'InternalErrorException',
  'UnexpectedLambdaException',
  'UserLambdaValidationException',
  'ForbiddenException',
  'UnsupportedOperationException',
  'RefreshTokenReuseException',
  'EnableSoftwareTokenMFAException',
  'SoftwareTokenMFANotFoundException',
  'MFAMethodNotFoundException',
  'CodeDeliveryFailureException',
  'InvalidUserPoolConfigurationException',
  'InvalidLambdaResponseException',
  'UnauthorizedException',
  'UnsupportedTokenTypeException',
  'ServiceUnavailableException',
];

describe('Cognito errors become messages a person can act on', () => {
  it('has advice for every error type the protocol reference names, and those of sign-in, MFA and refresh', () => {
    expect(REFERENCE_TYPES.filter((type) => !ERROR_ADVICE[type])).toEqual([]);
  });

  it.each([
    ['UserNotConfirmedException', 'User is not confirmed.', /User is not confirmed\. Confirm the user first/],
    ['PasswordResetRequiredException', 'Password reset required for the user', /reset it \(forgot-password flow\)/],
    ['CodeMismatchException', 'Invalid code received for user', /enter the newest code/],
    [
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
      /session is expired\. The sign-in took too long.*start the sign-in again/,
    ],
    [
      'NotAuthorizedException',
      'Invalid session for the user, session can only be used once.',
      /start the sign-in again/,
    ],
    ['TooManyRequestsException', 'Too many requests', /throttling requests; wait a little and try again/],
    [
      'NotAuthorizedException',
      'Unable to verify secret hash for client abc',
      /Check the client secret stored for the profile/,
    ],
    [
      'InvalidParameterException',
      'USER_PASSWORD_AUTH flow not enabled for this client',
      /Enable this flow on the app client/,
    ],
    ['NotAuthorizedException', 'Password attempts exceeded', /wait some minutes/],
    [
      'NotAuthorizedException',
      'Incorrect username or password.',
      /^NotAuthorizedException: Incorrect username or password\. Check the username and password\.$/,
    ],
    [
      'NotAuthorizedException',
      'Invalid session for the user.',
      /no longer accepts this sign-in \(too many wrong codes, or it took longer/,
    ],
    [
      'InvalidPasswordException',
      'Password does not conform to policy: Password must have symbol characters',
      /^The user pool’s password policy refused the new password \(Password must have symbol characters\)\. Nothing was changed/,
    ],
  ])('%s "%s"', (type, message, expected) => {
    expect(describeCognitoError(type, message)).toMatch(expected);
  });

  it('keeps Cognito\u2019s words for an unknown type, without inventing advice', () => {
    expect(describeCognitoError('BrandNewException', 'Something new.')).toBe('BrandNewException: Something new');
  });

  it('counts throttling and 5xx as transient, a refusal as not', () => {
    expect(new CognitoServiceError('TooManyRequestsException', '', 400).transient).toBe(true);
    expect(new CognitoServiceError('InternalErrorException', '', 500).transient).toBe(true);
    expect(new CognitoServiceError('NotAuthorizedException', '', 400).transient).toBe(false);
  });
});
