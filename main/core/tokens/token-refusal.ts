import { CtmError } from '../errors.ts';
import { jwtShapeProblem } from './jwt-shape.ts';

/**
 * A token the app will not keep or hand on: not a well-formed JWT, a signature that is not the pool's, a nonce or a
 * user that is not this sign-in's. A refusal, not a network failure: trying again would get the same answer.
 */
export class TokenRefusedError extends CtmError {
  override readonly name: string = 'TokenRefusedError';
  constructor(message: string) {
    super('refused', message);
  }
}

/** Throws TokenRefusedError unless `token` is a well-formed JWT; `what` names it for the person ("Cognito's access token"). */
export function requireJwt(token: unknown, what: string): string {
  const problem = jwtShapeProblem(token);
  if (problem !== undefined)
    throw new TokenRefusedError(`${what} is not a well-formed JWT (${problem}); nothing was stored or shown.`);
  return token as string;
}
