import { randomInt } from 'node:crypto';
import type { NewAuthSession } from './auth-session-store.ts';
import { CognitoError } from './cognito-error.ts';
import { deliverCode, type EmulatorState } from './emulator-state.ts';
import type { SignInProgress } from './sign-in-progress.ts';

/** Opens a challenge session and returns InitiateAuth / RespondToAuthChallenge's challenge answer. */
export function openChallenge(
  state: EmulatorState,
  fields: NewAuthSession,
  parameters: Record<string, string>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const session = state.sessions.open(fields);
  return { ChallengeName: fields.challenge, ChallengeParameters: parameters, Session: session.id, ...extra };
}

/** "+*******1234": a phone number with all but the last four digits hidden. */
export function maskPhone(phone: string): string {
  return `+${'*'.repeat(Math.max(0, phone.length - 5))}${phone.slice(-4)}`;
}

/** "a***@e***": an e-mail address the way Cognito shows where a code went. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.charAt(0)}***@${domain.charAt(0)}***`;
}

/** Sends a fresh 6-digit code to the user's outbox and opens the challenge that asks for it (setupEmail: MFA_SETUP's address). */
export function issueCodeChallenge(
  state: EmulatorState,
  progress: SignInProgress,
  challenge: 'SMS_MFA' | 'EMAIL_OTP' | 'SMS_OTP',
  setupEmail?: string,
): Record<string, unknown> {
  const { user } = progress;
  const bySms = challenge !== 'EMAIL_OTP';
  const destination = bySms ? user.mfa.phone : (setupEmail ?? user.mfa.email);
  if (!destination) {
    throw new CognitoError(
      'InvalidParameterException',
      bySms ? 'User has no phone number to send an SMS code to' : 'User has no e-mail address to send a code to',
    );
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  deliverCode(state, user, code);
  return openChallenge(
    state,
    { progress, challenge, code, ...(setupEmail ? { setupEmail } : {}) },
    {
      CODE_DELIVERY_DELIVERY_MEDIUM: bySms ? 'SMS' : 'EMAIL',
      CODE_DELIVERY_DESTINATION: bySms ? maskPhone(destination) : maskEmail(destination),
    },
  );
}

/** Opens the challenge of one MFA method. */
export function issueMfaChallenge(
  state: EmulatorState,
  progress: SignInProgress,
  method: string,
): Record<string, unknown> {
  if (method === 'SOFTWARE_TOKEN_MFA') {
    return openChallenge(state, { progress, challenge: 'SOFTWARE_TOKEN_MFA' }, {});
  }
  if (method === 'SMS_MFA' || method === 'EMAIL_OTP') return issueCodeChallenge(state, progress, method);
  throw new CognitoError('InvalidParameterException', `Unknown MFA method ${method}`);
}
