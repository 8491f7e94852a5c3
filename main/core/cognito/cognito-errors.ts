import { CtmError } from '../errors.ts';
import { ERROR_ADVICE, MESSAGE_ADVICE } from './cognito-error-advice.ts';

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

/** One line a person can act on: what Cognito said (its messages carry no secrets) and what to do. */
export function describeCognitoError(type: string, serviceMessage: string): string {
  const advice = MESSAGE_ADVICE.find(([pattern]) => pattern.test(serviceMessage))?.[1] ?? ERROR_ADVICE[type];
  const said = serviceMessage ? `${type}: ${serviceMessage.replace(/\.+$/, '')}` : type;
  return advice ? `${said}. ${advice}` : said;
}
