import type { ErrorKind } from '../shared/error-kinds.ts';

// The kinds are declared once in main/shared (the window receives them as ApiError.code).
export type { ErrorKind } from '../shared/error-kinds.ts';

/** Base of every domain error: a message a person can act on, never a secret. */
export class CtmError extends Error {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.name = new.target.name;
  }
}

/** Input that cannot be used: a malformed id, a missing field, an unknown flag. */
export class BadInputError extends CtmError {
  constructor(message: string) {
    super('bad-input', message);
  }
}

/** A profile, conversation or other named thing that does not exist. */
export class NotFoundError extends CtmError {
  constructor(message: string) {
    super('not-found', message);
  }
}

/** There is no usable session: the user has to sign in (again). */
export class SignInRequiredError extends CtmError {
  constructor(profileName: string, reason?: string) {
    super(
      'sign-in-required',
      `Profile "${profileName}" needs a sign-in${reason ? `: ${reason}` : ''}. Run: ctm login ${profileName}`,
    );
  }
}

/** The OS keychain could not be used. */
export class KeychainError extends CtmError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('keychain', message, options);
  }
}

/** The configuration file could not be read or written. */
export class ConfigError extends CtmError {
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
