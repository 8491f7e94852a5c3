import type { AuthSession } from '../auth-session-store.ts';
import { invalidParameter } from '../cognito-error.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { startFirstFactor } from '../first-factor.ts';
import { requiredParameter } from '../request-fields.ts';

/** SELECT_CHALLENGE (USER_AUTH): ANSWER is one of AvailableChallenges, with PASSWORD or SRP_A alongside. */
export function answerSelectChallenge(
  state: EmulatorState,
  session: AuthSession,
  responses: Record<string, string>,
): Record<string, unknown> {
  const answer = requiredParameter(responses, 'ANSWER');
  if (!(session.choices ?? []).includes(answer))
    throw invalidParameter(`Invalid ANSWER ${answer}: not one of the available challenges`);
  return startFirstFactor(state, session.progress, answer, responses);
}
