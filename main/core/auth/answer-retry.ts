import { CognitoServiceError } from '../cognito/cognito-errors.ts';
import { BadInputError } from '../errors.ts';

/** Cognito errors after which the same challenge session takes another answer (a mistyped code). */
const RETRYABLE_TYPES = new Set(['CodeMismatchException', 'EnableSoftwareTokenMFAException']);

/** True when a failed answer leaves the conversation usable: our own input checks, or a wrong code Cognito lets the user retype. */
export function answerCanBeRetried(error: unknown): boolean {
  if (error instanceof BadInputError) return true;
  return error instanceof CognitoServiceError && RETRYABLE_TYPES.has(error.type);
}
