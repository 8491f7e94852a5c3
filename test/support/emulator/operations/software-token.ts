import { checkAccessToken } from '../access-token-check.ts';
import { CognitoError, invalidParameter } from '../cognito-error.ts';
import type { EmulatorState } from '../emulator-state.ts';
import type { UserRecord } from '../pool-records.ts';
import { optionalMember, requiredMember, type RequestBody } from '../request-fields.ts';
import { newTotpSecret, totpMatches } from '../totp.ts';

/** TOTP secrets handed out through an access token (outside sign-in), per user. */
const pendingByUser = new WeakMap<UserRecord, string>();

/** AssociateSoftwareToken: a new TOTP secret, for an MFA_SETUP Session (answering a new Session) or an AccessToken. */
export function associateSoftwareToken(state: EmulatorState, body: RequestBody): Record<string, unknown> {
  const sessionId = optionalMember(body, 'Session');
  const secret = newTotpSecret();
  if (sessionId === undefined) {
    const { user } = checkAccessToken(state, requiredMember(body, 'AccessToken'));
    pendingByUser.set(user, secret);
    return { SecretCode: secret };
  }
  const session = state.sessions.peek(sessionId);
  if (session.challenge !== 'MFA_SETUP') throw invalidParameter('The session is not an MFA_SETUP session');
  state.sessions.spend(session);
  const next = state.sessions.open({
    progress: session.progress,
    challenge: 'MFA_SETUP',
    pendingTotpSecret: secret,
    totpVerified: false,
  });
  return { SecretCode: secret, Session: next.id };
}

/** VerifySoftwareToken: checks UserCode against the associated secret; answers Status SUCCESS (+ a new Session). */
export function verifySoftwareToken(state: EmulatorState, body: RequestBody): Record<string, unknown> {
  const code = requiredMember(body, 'UserCode');
  const sessionId = optionalMember(body, 'Session');
  const mismatch = new CognitoError(
    'EnableSoftwareTokenMFAException',
    'Code mismatch and fail enable Software Token MFA',
  );
  if (sessionId === undefined) {
    const { user } = checkAccessToken(state, requiredMember(body, 'AccessToken'));
    const secret = pendingByUser.get(user);
    if (!secret || !totpMatches(secret, code, state.clock.now())) throw mismatch;
    user.mfa.totpSecret = secret;
    pendingByUser.delete(user);
    return { Status: 'SUCCESS' };
  }
  const session = state.sessions.peek(sessionId);
  if (!session.pendingTotpSecret) throw invalidParameter('Call AssociateSoftwareToken with this session first');
  if (!totpMatches(session.pendingTotpSecret, code, state.clock.now())) throw mismatch;
  state.sessions.spend(session);
  const next = state.sessions.open({
    progress: session.progress,
    challenge: 'MFA_SETUP',
    pendingTotpSecret: session.pendingTotpSecret,
    totpVerified: true,
  });
  return { Status: 'SUCCESS', Session: next.id };
}
