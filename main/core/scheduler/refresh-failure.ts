import { RefreshRefusedError } from '../auth/refresh-session.ts';
import { CognitoNetworkError, CognitoServiceError } from '../cognito/cognito-errors.ts';
import { CtmError, KeychainError } from '../errors.ts';

/** What a failed refresh means: the refresh token is dead, a later try may work, or someone has to fix something. */
export type RefreshFailure = 'refused' | 'transient' | 'permanent';

/**
 * True when Cognito definitely refused the refresh token: revoked, expired or not for this client
 * (NotAuthorizedException, see refresh-session.ts), or rotated away and past its grace period (RefreshTokenReuseException).
 */
export function isDefiniteRefusal(error: unknown): boolean {
  return (
    error instanceof RefreshRefusedError ||
    (error instanceof CognitoServiceError && error.type === 'RefreshTokenReuseException')
  );
}

/** Sorts a refresh error: only a definite refusal costs the refresh token; network, 5xx, throttling and keychain trouble are retried. */
export function classifyRefreshFailure(error: unknown): RefreshFailure {
  if (isDefiniteRefusal(error) || (error instanceof CtmError && error.kind === 'sign-in-required')) return 'refused';
  if (error instanceof CognitoServiceError) return error.transient ? 'transient' : 'permanent';
  if (error instanceof CognitoNetworkError || error instanceof KeychainError) return 'transient';
  if (error instanceof CtmError && error.kind === 'network') return 'transient';
  return 'permanent';
}
