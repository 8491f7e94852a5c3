import type { CognitoClient } from '../cognito/cognito-client.ts';
import { CognitoServiceError } from '../cognito/cognito-errors.ts';
import { asCtmError, CtmError } from '../errors.ts';
import type { SignOutResult } from '../../shared/sign-in-steps.ts';
import type { TokenSet } from '../tokens/token-set.ts';
import { globalSignOut } from './global-sign-out.ts';

// Declared once in main/shared (the window receives it through the IPC contract as SignOutView).
export type { SignOutResult } from '../../shared/sign-in-steps.ts';

/** What a flow revoked at the server: everything, or not everything, with what stays valid in words (never a token). */
export type Revocation = { revoked: true } | { revoked: false; problem: string };

/** A sign-out's result once the session is forgotten here: what the server did not revoke, as a sentence. */
export function signedOutHere(revocation: Revocation): SignOutResult {
  return revocation.revoked
    ? { revoked: true }
    : { revoked: false, warning: `Signed out on this computer, but ${revocation.problem}.` };
}

/** A removal asked to revoke first could not: nothing was removed, the profile and its session are as they were. */
export class RevocationFailedError extends CtmError {
  override readonly name: string = 'RevocationFailedError';
  readonly profileName: string;
  /** What stays valid at the server, in words (never a token). */
  readonly problem: string;
  constructor(profileName: string, problem: string) {
    super(
      'service',
      `Nothing was removed: "${profileName}" is still signed in, because ${problem}. Try again once Cognito can be reached, or remove it without revoking.`,
    );
    this.profileName = profileName;
    this.problem = problem;
  }
}

/** What the server side of a sign-out needs. */
export interface SignOutRequest {
  client: CognitoClient;
  clientId: string;
  clientSecret?: string;
  session: TokenSet;
  global: boolean;
  /** Renews the tokens, for a GlobalSignOut whose access token Cognito finds expired. */
  refresh: () => Promise<TokenSet>;
}

/**
 * Revokes at the server what can be revoked: GlobalSignOut (when asked) and RevokeToken. A failure (revocation off
 * for the app client, offline, 5xx, a refused refresh) never throws: the result says what stays valid at the server,
 * and the caller decides whether the session is forgotten (a sign-out) or kept (a removal that must revoke first).
 */
export async function revokeAtServer(request: SignOutRequest): Promise<Revocation> {
  const problems: string[] = [];
  let session = request.session;
  if (request.global) {
    try {
      session = await globalSignOut(request.client, session, request.refresh);
    } catch (error) {
      problems.push(`Cognito did not sign the user out on other devices (${reason(error)})`);
    }
  }
  if (session.refreshToken) {
    try {
      await request.client.call('RevokeToken', {
        Token: session.refreshToken,
        ClientId: request.clientId,
        ...(request.clientSecret ? { ClientSecret: request.clientSecret } : {}),
      });
    } catch (error) {
      problems.push(
        `the refresh token was not revoked at the server and stays valid until it expires (${reason(error)})`,
      );
    }
  }
  if (problems.length === 0) return { revoked: true };
  return { revoked: false, problem: problems.join('; and ') };
}

function reason(error: unknown): string {
  // Token revocation is a per-client setting (EnableTokenRevocation, off on clients created before 2021 unless turned on).
  if (error instanceof CognitoServiceError && error.type === 'UnsupportedOperationException')
    return 'token revocation is not enabled for this app client (EnableTokenRevocation)';
  return asCtmError(error).message.replace(/\.$/, '');
}
