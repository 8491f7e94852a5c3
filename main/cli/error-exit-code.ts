// Kept apart from exit-codes.ts: the cached `ctm token` path (cli-fast) maps error kinds to codes and must not load
// Cognito's error classes and advice.
import { cognitoErrorOf } from '../core/cognito/cognito-errors.ts';
import { CtmError } from '../core/errors.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';

/**
 * What Cognito says when it refuses what a person typed (or the account's state), as opposed to a network or service
 * fault: exit 6, so a script that retries on 4 does not retry bad credentials into a lockout.
 */
const CREDENTIAL_REFUSALS = new Set([
  'NotAuthorizedException',
  'UserNotFoundException',
  'CodeMismatchException',
  'ExpiredCodeException',
  'EnableSoftwareTokenMFAException',
  'InvalidPasswordException',
  'PasswordHistoryPolicyViolationException',
  'PasswordResetRequiredException',
  'UserNotConfirmedException',
]);

/** A sign-in Cognito refused, said in ctm's words (too many wrong codes): exit 6 like Cognito's own refusals. */
export class SignInRefusedError extends CtmError {
  override readonly name: string = 'SignInRefusedError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('service', message, options);
  }
}

/** The exit code for an error: by its kind, except that Cognito's refusals of credentials get their own (6). */
export function exitCodeForError(error: CtmError): number {
  const cognito = cognitoErrorOf(error);
  if (error instanceof SignInRefusedError || (cognito && CREDENTIAL_REFUSALS.has(cognito.type)))
    return EXIT.credentials;
  return exitCodeFor(error.kind);
}
