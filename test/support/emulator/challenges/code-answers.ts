import type { AuthSession } from '../auth-session-store.ts';
import { issueMfaChallenge } from '../challenge-issue.ts';
import { CognitoError, invalidParameter, notAuthorized } from '../cognito-error.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { requiredParameter } from '../request-fields.ts';
import { advanceSignIn } from '../sign-in-progress.ts';
import { totpMatches } from '../totp.ts';

const codeFields: Record<string, string> = {
  SMS_MFA: 'SMS_MFA_CODE', EMAIL_OTP: 'EMAIL_OTP_CODE', SMS_OTP: 'SMS_OTP_CODE', SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
};

function mismatch(): CognitoError {
  return new CognitoError('CodeMismatchException', 'Invalid code received for user');
}

/** SMS_MFA / EMAIL_OTP / SMS_OTP / SOFTWARE_TOKEN_MFA: the code, then tokens (MFA is the last factor). */
export function answerCode(state: EmulatorState, session: AuthSession, responses: Record<string, string>): Record<string, unknown> {
  const code = requiredParameter(responses, codeFields[session.challenge] ?? 'CODE');
  const progress = session.progress;
  if (session.challenge === 'SOFTWARE_TOKEN_MFA') {
    const secret = progress.user.mfa.totpSecret;
    if (!secret || !totpMatches(secret, code, state.clock.now())) throw mismatch();
  } else if (code !== session.code) {
    throw mismatch();
  }
  return advanceSignIn(state, { ...progress, mfaDone: true });
}

/** SELECT_MFA_TYPE: ANSWER names one of MFAS_CAN_CHOOSE; opens that method's challenge. */
export function answerSelectMfaType(state: EmulatorState, session: AuthSession, responses: Record<string, string>): Record<string, unknown> {
  const answer = requiredParameter(responses, 'ANSWER');
  if (!(session.choices ?? []).includes(answer)) throw invalidParameter(`Invalid MFA type ${answer}`);
  return issueMfaChallenge(state, session.progress, answer);
}

/** MFA_SETUP: after AssociateSoftwareToken + VerifySoftwareToken on this session, enables TOTP and finishes. */
export function answerMfaSetup(state: EmulatorState, session: AuthSession): Record<string, unknown> {
  const { user } = session.progress;
  if (!session.totpVerified || !session.pendingTotpSecret) {
    throw notAuthorized('Software token MFA has not been set up and verified for this session');
  }
  user.mfa.totpSecret = session.pendingTotpSecret;
  if (!user.mfa.enabled.includes('SOFTWARE_TOKEN_MFA')) user.mfa.enabled.push('SOFTWARE_TOKEN_MFA');
  user.mfa.setupRequired = false;
  return advanceSignIn(state, { ...session.progress, mfaDone: true });
}
