import { describe, expect, it } from 'vitest';
import { RefreshRefusedError } from '../../../../main/core/auth/refresh-session.ts';
import { CognitoNetworkError, CognitoServiceError } from '../../../../main/core/cognito/cognito-errors.ts';
import { ConfigError, KeychainError, NotFoundError, SignInRequiredError } from '../../../../main/core/errors.ts';
import { classifyRefreshFailure } from '../../../../main/core/scheduler/refresh-failure.ts';

describe('classifyRefreshFailure', () => {
  it.each([
    [new RefreshRefusedError('Refresh Token has been revoked'), 'refused'],
    [new SignInRequiredError('dev', 'revoked'), 'refused'],
    [new CognitoServiceError('RefreshTokenReuseException', 'Refresh token has been rotated', 400), 'refused'],
    [new CognitoNetworkError('timed out'), 'transient'],
    [new CognitoServiceError('InternalErrorException', 'HTTP 500', 500), 'transient'],
    [new CognitoServiceError('ServiceUnavailableException', '', 503), 'transient'],
    [new CognitoServiceError('TooManyRequestsException', 'Rate exceeded', 400), 'transient'],
    [new CognitoServiceError('LimitExceededException', '', 400), 'transient'],
    [new KeychainError('did not answer'), 'transient'],
    [
      new CognitoServiceError(
        'UnexpectedLambdaException',
        'PreTokenGeneration failed with error Task timed out after 5.00 seconds.',
        400,
      ),
      'transient',
    ],
    [new CognitoServiceError('InvalidLambdaResponseException', 'Invalid lambda response', 400), 'transient'],
    [
      new CognitoServiceError('UserLambdaValidationException', 'PreTokenGeneration failed with error denied.', 400),
      'permanent',
    ],
    [new CognitoServiceError('Unsupported', 'Cognito Local unsupported feature', 500), 'permanent'],
    [new CognitoServiceError('InvalidParameterException', 'flow not enabled', 400), 'permanent'],
    [new NotFoundError('client secret missing'), 'permanent'],
    [new ConfigError('bad file'), 'permanent'],
  ])('%s -> %s', (error, expected) => {
    expect(classifyRefreshFailure(error)).toBe(expected);
  });
});
