import type { AuthSession } from '../auth-session-store.ts';
import { CognitoError, invalidParameter } from '../cognito-error.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { requiredParameter } from '../request-fields.ts';
import { advanceSignIn } from '../sign-in-progress.ts';

/** NEW_PASSWORD_REQUIRED: sets NEW_PASSWORD and the `userAttributes.*` answers, confirms the user, goes on. */
export function answerNewPassword(
  state: EmulatorState,
  session: AuthSession,
  responses: Record<string, string>,
): Record<string, unknown> {
  const user = session.progress.user;
  const newPassword = requiredParameter(responses, 'NEW_PASSWORD');
  const given: Record<string, string> = {};
  for (const [key, value] of Object.entries(responses)) {
    if (key.startsWith('userAttributes.')) given[key.slice('userAttributes.'.length)] = value;
  }
  for (const name of user.pool.requiredAttributes) {
    if (!user.attributes[name] && !given[name]) throw invalidParameter(`Invalid attributes given, ${name} is missing`);
  }
  if (newPassword.length < 8) {
    throw new CognitoError('InvalidPasswordException', 'Password does not conform to policy: Password not long enough');
  }
  user.password = newPassword;
  Object.assign(user.attributes, given);
  user.status = 'CONFIRMED';
  return advanceSignIn(state, session.progress);
}
