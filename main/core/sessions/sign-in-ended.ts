import { CtmError } from '../errors.ts';

/**
 * A challenge answer failed and its conversation is over (expired, refused, or a failure that cannot be answered
 * again): the sign-in starts again from its first step. Keeps the cause's kind and message; the window reads the
 * IPC code `sign-in-ended` instead of matching words.
 */
export class SignInEndedError extends CtmError {
  override readonly name: string = 'SignInEndedError';
  constructor(cause: CtmError) {
    super(cause.kind, cause.message, { cause });
  }
}
