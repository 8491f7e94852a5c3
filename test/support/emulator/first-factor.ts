import { issueCodeChallenge } from './challenge-issue.ts';
import { notAuthorized } from './cognito-error.ts';
import type { EmulatorState } from './emulator-state.ts';
import type { UserRecord } from './pool-records.ts';
import { requiredParameter } from './request-fields.ts';
import { advanceSignIn, type SignInProgress } from './sign-in-progress.ts';
import { startUserSrp } from './srp-start.ts';

/** The first factors USER_AUTH offers this user (WEB_AUTHN is not emulated). */
export function availableFirstFactors(user: UserRecord): string[] {
  const factors = ['PASSWORD', 'PASSWORD_SRP'];
  if (user.mfa.email) factors.push('EMAIL_OTP');
  if (user.mfa.phone) factors.push('SMS_OTP');
  return factors;
}

/** Checks a clear-text PASSWORD and moves the sign-in on. */
export function passwordFactor(
  state: EmulatorState,
  progress: SignInProgress,
  password: string,
): Record<string, unknown> {
  if (progress.user.password !== password) throw notAuthorized('Incorrect username or password.');
  return advanceSignIn(state, progress);
}

/** Runs one USER_AUTH first factor with the parameters that came with it (PASSWORD or SRP_A). */
export function startFirstFactor(
  state: EmulatorState,
  progress: SignInProgress,
  factor: string,
  params: Record<string, string>,
): Record<string, unknown> {
  if (factor === 'PASSWORD') return passwordFactor(state, progress, requiredParameter(params, 'PASSWORD'));
  if (factor === 'PASSWORD_SRP') return startUserSrp(state, progress, requiredParameter(params, 'SRP_A'));
  if (factor === 'EMAIL_OTP' || factor === 'SMS_OTP')
    return issueCodeChallenge(state, { ...progress, mfaDone: true }, factor);
  throw notAuthorized(`Challenge ${factor} is not available for this user`);
}
