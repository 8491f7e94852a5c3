import { CtmError } from '../errors.ts';

/** Cognito error types that are worth retrying later: the request was fine, the service was not. */
const TRANSIENT_TYPES = new Set(['TooManyRequestsException', 'LimitExceededException', 'InternalErrorException', 'ServiceUnavailableException']);

/** An error answer from Cognito (`{"__type","message"}`), with its type stripped of any `prefix#`. */
export class CognitoServiceError extends CtmError {
  readonly type: string;
  readonly status: number;
  readonly serviceMessage: string;
  constructor(type: string, serviceMessage: string, status: number) {
    super('service', describeCognitoError(type, serviceMessage));
    this.type = type;
    this.status = status;
    this.serviceMessage = serviceMessage;
  }

  /** True when trying again later may succeed (throttling, 5xx). */
  get transient(): boolean {
    return this.status >= 500 || TRANSIENT_TYPES.has(this.type);
  }
}

/** The endpoint could not be reached, timed out, or answered with something that is not Cognito's JSON. */
export class CognitoNetworkError extends CtmError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('network', message, options);
  }
}

const ADVICE: Record<string, string> = {
  NotAuthorizedException: 'Check the username and password, or sign in again.',
  UserNotFoundException: 'Check the username, and that the profile points at the right user pool.',
  UserNotConfirmedException: 'Confirm the user first (the confirmation code sent at sign-up, or AdminConfirmSignUp).',
  PasswordResetRequiredException: 'Reset the password (forgot-password flow) and sign in with the new one.',
  ResourceNotFoundException: 'Check the app client id, the user pool id and the region of the profile.',
  InvalidParameterException: 'Check that the app client allows this auth flow and that the profile is complete.',
  TooManyRequestsException: 'Cognito is throttling requests; wait a little and try again.',
  LimitExceededException: 'A Cognito limit was reached; wait a little and try again.',
  CodeMismatchException: 'The code was wrong; enter the newest code.',
  ExpiredCodeException: 'The code or the sign-in session expired; start the sign-in again.',
  InvalidPasswordException: 'The new password does not meet the pool\u2019s password policy.',
  InternalErrorException: 'Cognito had an internal error; try again.',
  UnexpectedLambdaException: 'A Lambda trigger of the user pool failed; check the pool\u2019s triggers.',
  UserLambdaValidationException: 'A Lambda trigger of the user pool refused the request.',
  ForbiddenException: 'A web ACL (AWS WAF) in front of the user pool refused the request.',
  UnsupportedOperationException: 'The user pool does not support this operation for this app client.',
};

/** One line a person can act on: what Cognito said (its messages carry no secrets) and what to do. */
export function describeCognitoError(type: string, serviceMessage: string): string {
  const advice = ADVICE[type];
  const said = serviceMessage ? `${type}: ${serviceMessage}` : type;
  return advice ? `${said}. ${advice}` : said;
}
