import type { ErrorKind } from '../shared/error-kinds.ts';

// The kinds are declared once in main/shared (the window receives them as ApiError.code).
export type { ErrorKind } from '../shared/error-kinds.ts';

/**
 * Base of every domain error: a message a person can act on, never a secret.
 * Every error class of ours states its own `name`: ctm's bundle is minified, so a class's own name (`constructor.name`)
 * is a letter or two there, and `--debug` and the log would show that (test/unit/core/error-names.test.ts checks).
 */
export class CtmError extends Error {
  override readonly name: string = 'CtmError';
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }
}

/** Input that cannot be used: a malformed id, a missing field, an unknown flag. */
export class BadInputError extends CtmError {
  override readonly name: string = 'BadInputError';
  constructor(message: string) {
    super('bad-input', message);
  }
}

/** A profile, conversation or other named thing that does not exist. */
export class NotFoundError extends CtmError {
  override readonly name: string = 'NotFoundError';
  constructor(message: string) {
    super('not-found', message);
  }
}

/** There is no usable session: the user has to sign in (again). */
export class SignInRequiredError extends CtmError {
  override readonly name: string = 'SignInRequiredError';
  constructor(profileName: string, reason?: string) {
    super(
      'sign-in-required',
      `Profile "${profileName}" needs a sign-in${reason ? `: ${reason}` : ''}. Run: ctm login ${profileName}`,
    );
  }
}

/** The OS keychain could not be used. */
export class KeychainError extends CtmError {
  override readonly name: string = 'KeychainError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('keychain', message, options);
  }
}

/** The configuration file could not be read or written. */
export class ConfigError extends CtmError {
  override readonly name: string = 'ConfigError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('config', message, options);
  }
}

/** Turns anything thrown into a CtmError, without leaking what an unknown error carried. */
export function asCtmError(error: unknown): CtmError {
  if (error instanceof CtmError) return error;
  return new CtmError(
    'internal',
    'Something unexpected went wrong; the details were not shown because they may contain secrets.',
    { cause: error },
  );
}
