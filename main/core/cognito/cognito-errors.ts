import { plainText } from '../../shared/plain-text.ts';
import { CtmError } from '../errors.ts';
import { redactKnownSecrets } from '../logging/redactor.ts';
import { ERROR_ADVICE, MESSAGE_ADVICE, PLAIN_WORDS } from './cognito-error-advice.ts';

/**
 * Cognito error types that are worth retrying later: the request was fine, the service was not. A Lambda trigger
 * that failed or timed out (UnexpectedLambdaException) or answered garbage (InvalidLambdaResponseException) says
 * nothing about the refresh token, and a redeployed or unthrottled trigger works again; UserLambdaValidationException
 * is the trigger's deliberate refusal and stays permanent.
 */
const TRANSIENT_TYPES = new Set([
  'TooManyRequestsException',
  'LimitExceededException',
  'InternalErrorException',
  'ServiceUnavailableException',
  'UnexpectedLambdaException',
  'InvalidLambdaResponseException',
]);

/**
 * How endpoints say they do not know an operation (X-Amz-Target): AWS's JSON protocol answers UnknownOperationException;
 * cognito-local answers `CognitoLocal#Unsupported` (HTTP 500); moto and LocalStack answer NotImplemented(Exception) / 501.
 */
const UNKNOWN_OPERATION_TYPES = new Set([
  'UnknownOperationException',
  'Unsupported',
  'NotImplemented',
  'NotImplementedException',
]);

/** An error answer from Cognito (`{"__type","message"}`), with its type stripped of any `prefix#`. */
export class CognitoServiceError extends CtmError {
  override readonly name: string = 'CognitoServiceError';
  readonly type: string;
  readonly status: number;
  readonly serviceMessage: string;
  constructor(type: string, serviceMessage: string, status: number) {
    // Both come from the server: stripped of control characters here, where they enter, before any terminal or log.
    const safeType = plainText(type, 100);
    // A Lambda trigger's message may repeat what was sent (a password, a code): those are removed by value.
    const safeMessage = redactKnownSecrets(plainText(serviceMessage));
    super('service', describeCognitoError(safeType, safeMessage));
    this.type = safeType;
    this.status = status;
    this.serviceMessage = safeMessage;
  }

  /** True when trying again later may succeed (throttling, 5xx, a failing Lambda trigger); never for an unknown operation. */
  get transient(): boolean {
    return !this.unknownOperation && (this.status >= 500 || TRANSIENT_TYPES.has(this.type));
  }

  /** True when the endpoint does not know the operation at all (decided from the error type or HTTP 501, never the message). */
  get unknownOperation(): boolean {
    return this.status === 501 || UNKNOWN_OPERATION_TYPES.has(this.type);
  }
}

/** The endpoint could not be reached, timed out, or answered with something that is not Cognito's JSON. */
export class CognitoNetworkError extends CtmError {
  override readonly name: string = 'CognitoNetworkError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('network', message, options);
  }
}

/** One line a person can act on: what Cognito said (its messages carry no secrets) and what to do. */
export function describeCognitoError(type: string, serviceMessage: string): string {
  const advice = MESSAGE_ADVICE.find(([pattern]) => pattern.test(serviceMessage))?.[1] ?? ERROR_ADVICE[type];
  const said =
    PLAIN_WORDS[type]?.(serviceMessage) ?? (serviceMessage ? `${type}: ${serviceMessage.replace(/\.+$/, '')}` : type);
  return advice ? `${said}. ${advice}` : said;
}

/** The Cognito error behind `error`, also when an ended sign-in wraps it (SignInEndedError keeps it as its cause). */
export function cognitoErrorOf(error: unknown): CognitoServiceError | undefined {
  if (error instanceof CognitoServiceError) return error;
  if (error instanceof Error && error.cause instanceof CognitoServiceError) return error.cause;
  return undefined;
}
