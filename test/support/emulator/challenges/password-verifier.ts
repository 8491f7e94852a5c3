import type { AuthSession } from '../auth-session-store.ts';
import { openChallenge } from '../challenge-issue.ts';
import { invalidParameter, notAuthorized } from '../cognito-error.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { requiredParameter } from '../request-fields.ts';
import { advanceSignIn, type SignInProgress } from '../sign-in-progress.ts';
import { isSrpTimestamp, srpClaimIsValid } from '../srp-server.ts';

/** Checks PASSWORD_CLAIM_SIGNATURE over SECRET_BLOCK and TIMESTAMP; a wrong password fails here. */
export function checkSrpClaim(session: AuthSession, responses: Record<string, string>, failure: string): void {
  const signature = requiredParameter(responses, 'PASSWORD_CLAIM_SIGNATURE');
  const secretBlock = requiredParameter(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
  const timestamp = requiredParameter(responses, 'TIMESTAMP');
  if (!isSrpTimestamp(timestamp))
    throw invalidParameter('TIMESTAMP format is invalid; expected "ddd MMM d HH:mm:ss UTC yyyy"');
  if (!session.srp || !srpClaimIsValid(session.srp, { secretBlock, timestamp, signature }))
    throw notAuthorized(failure);
}

/** PASSWORD_VERIFIER: the SRP proof; then custom rounds (CUSTOM_AUTH) or the rest of the sign-in. */
export function answerPasswordVerifier(
  state: EmulatorState,
  session: AuthSession,
  responses: Record<string, string>,
): Record<string, unknown> {
  checkSrpClaim(session, responses, 'Incorrect username or password.');
  const progress = session.progress;
  if (progress.flow === 'CUSTOM_AUTH') return openCustomRound(state, progress, 0);
  return advanceSignIn(state, progress);
}

/** Opens custom round `index` for the user, or finishes when the rounds are done. */
export function openCustomRound(
  state: EmulatorState,
  progress: SignInProgress,
  index: number,
): Record<string, unknown> {
  const round = progress.user.customChallenge?.rounds[index];
  if (!round) return advanceSignIn(state, { ...progress, mfaDone: true });
  return openChallenge(
    state,
    { progress, challenge: 'CUSTOM_CHALLENGE', customRound: index },
    {
      ...round.parameters,
      USERNAME: progress.user.username,
    },
  );
}
