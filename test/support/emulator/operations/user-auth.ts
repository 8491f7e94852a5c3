import { openChallenge } from '../challenge-issue.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { availableFirstFactors, startFirstFactor } from '../first-factor.ts';
import type { ClientRecord } from '../pool-records.ts';
import { requiredParameter, requireFlow, userFor } from '../request-fields.ts';
import { checkSecretHash } from '../secret-hash.ts';
import { checkUserStatus, newProgress } from '../sign-in-progress.ts';

/** InitiateAuth USER_AUTH (choice-based): PREFERRED_CHALLENGE if available, else SELECT_CHALLENGE. */
export function userAuth(
  state: EmulatorState,
  client: ClientRecord,
  params: Record<string, string>,
): Record<string, unknown> {
  requireFlow(client, 'ALLOW_USER_AUTH', 'USER_AUTH');
  const username = requiredParameter(params, 'USERNAME');
  checkSecretHash(client, [username], params.SECRET_HASH);
  const user = userFor(client, username);
  checkUserStatus(user);
  const progress = newProgress(user, client, 'USER_AUTH', params.DEVICE_KEY);
  const available = availableFirstFactors(user);
  const preferred = params.PREFERRED_CHALLENGE;
  if (preferred && available.includes(preferred)) return startFirstFactor(state, progress, preferred, params);
  return openChallenge(
    state,
    { progress, challenge: 'SELECT_CHALLENGE', choices: available },
    {},
    { AvailableChallenges: available },
  );
}
