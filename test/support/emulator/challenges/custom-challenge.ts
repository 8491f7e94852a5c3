import type { AuthSession } from '../auth-session-store.ts';
import { notAuthorized } from '../cognito-error.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { requiredParameter } from '../request-fields.ts';
import { openCustomRound } from './password-verifier.ts';

/** CUSTOM_CHALLENGE: ANSWER must match the scripted round; a wrong answer fails the sign-in. */
export function answerCustomChallenge(
  state: EmulatorState,
  session: AuthSession,
  responses: Record<string, string>,
): Record<string, unknown> {
  const answer = requiredParameter(responses, 'ANSWER');
  const index = session.customRound ?? 0;
  const round = session.progress.user.customChallenge?.rounds[index];
  if (!round || round.answer !== answer) throw notAuthorized('Incorrect username or password.');
  return openCustomRound(state, session.progress, index + 1);
}
