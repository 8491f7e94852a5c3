import type { AuthSession } from '../auth-session-store.ts';
import { issueCodeChallenge, issueMfaChallenge } from '../challenge-issue.ts';
import { CognitoError, invalidParameter, notAuthorized } from '../cognito-error.ts';
import type { EmulatorState } from '../emulator-state.ts';
import type { UserRecord } from '../pool-records.ts';
import { requiredParameter } from '../request-fields.ts';
import { advanceSignIn } from '../sign-in-progress.ts';
import { totpMatches } from '../totp.ts';

const codeFields: Record<string, string> = {
  SMS_MFA: 'SMS_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
  SMS_OTP: 'SMS_OTP_CODE',
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
};

function mismatch(): CognitoError {
  return new CognitoError('CodeMismatchException', 'Invalid code received for user');
}

/** SMS_MFA / EMAIL_OTP / SMS_OTP / SOFTWARE_TOKEN_MFA: the code, then tokens (MFA is the last factor). */
export function answerCode(
  state: EmulatorState,
  session: AuthSession,
  responses: Record<string, string>,
): Record<string, unknown> {
  const code = requiredParameter(responses, codeFields[session.challenge] ?? 'CODE');
  const progress = session.progress;
  if (session.challenge === 'SOFTWARE_TOKEN_MFA') {
    const secret = progress.user.mfa.totpSecret;
    if (!secret || !totpMatches(secret, code, state.clock.now())) throw mismatch();
  } else if (code !== session.code) {
    throw mismatch();
  }
  if (session.setupEmail !== undefined) enrolEmailMfa(progress.user, session.setupEmail);
  return advanceSignIn(state, { ...progress, mfaDone: true });
}

/** E-mail MFA set up during sign-in: the address becomes the user's verified e-mail and EMAIL_OTP their MFA. */
function enrolEmailMfa(user: UserRecord, email: string): void {
  user.attributes.email = email;
  user.attributes.email_verified = 'true';
  user.mfa.email = email;
  if (!user.mfa.enabled.includes('EMAIL_OTP')) user.mfa.enabled.push('EMAIL_OTP');
  user.mfa.setupRequired = false;
}

/** SELECT_MFA_TYPE: ANSWER names one of MFAS_CAN_CHOOSE; opens that method's challenge. */
export function answerSelectMfaType(
  state: EmulatorState,
  session: AuthSession,
  responses: Record<string, string>,
): Record<string, unknown> {
  const answer = requiredParameter(responses, 'ANSWER');
  if (!(session.choices ?? []).includes(answer)) throw invalidParameter(`Invalid MFA type ${answer}`);
  return issueMfaChallenge(state, session.progress, answer);
}

/**
 * MFA_SETUP by e-mail (ChallengeResponses EMAIL, as Amplify v6 sends it): sends a code to that address and asks for it
 * with EMAIL_OTP; the right code enrols the address. Only when the pool offers EMAIL_OTP in MFAS_CAN_SETUP.
 */
function startEmailSetup(state: EmulatorState, session: AuthSession, email: string): Record<string, unknown> {
  if (!session.progress.user.pool.mfaSetupMethods.includes('EMAIL_OTP'))
    throw invalidParameter('Email MFA is not enabled for this user pool.');
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw invalidParameter('Invalid email address format.');
  return issueCodeChallenge(state, session.progress, 'EMAIL_OTP', email);
}

/** MFA_SETUP: after AssociateSoftwareToken + VerifySoftwareToken on this session, enables TOTP and finishes; or e-mail set-up. */
export function answerMfaSetup(
  state: EmulatorState,
  session: AuthSession,
  responses: Record<string, string>,
): Record<string, unknown> {
  if (responses.EMAIL !== undefined && !session.totpVerified) return startEmailSetup(state, session, responses.EMAIL);
  const { user } = session.progress;
  if (!session.totpVerified || !session.pendingTotpSecret) {
    throw notAuthorized('Software token MFA has not been set up and verified for this session');
  }
  user.mfa.totpSecret = session.pendingTotpSecret;
  if (!user.mfa.enabled.includes('SOFTWARE_TOKEN_MFA')) user.mfa.enabled.push('SOFTWARE_TOKEN_MFA');
  user.mfa.setupRequired = false;
  return advanceSignIn(state, { ...session.progress, mfaDone: true });
}
