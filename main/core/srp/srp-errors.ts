import { CtmError } from '../errors.ts';

/** Cognito sent an SRP value the client must not use (B mod N == 0, u == 0, a malformed SRP_B or SALT). */
export class InvalidSrpServerValueError extends CtmError {
  override readonly name: string = 'InvalidSrpServerValueError';
  constructor(message: string) {
    super('service', `Cognito sent an unusable SRP value: ${message}. Try the sign-in again.`);
  }
}
