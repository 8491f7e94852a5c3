import { openCustomRound } from '../challenges/password-verifier.ts';
import { invalidParameter, notAuthorized } from '../cognito-error.ts';
import type { EmulatorState } from '../emulator-state.ts';
import type { ClientRecord } from '../pool-records.ts';
import { requiredParameter, requireFlow, userFor } from '../request-fields.ts';
import { checkSecretHash } from '../secret-hash.ts';
import { checkUserStatus, newProgress } from '../sign-in-progress.ts';
import { startUserSrp } from '../srp-start.ts';

/** InitiateAuth CUSTOM_AUTH: the user's scripted rounds, optionally after SRP (CHALLENGE_NAME=SRP_A). */
export function customAuth(
  state: EmulatorState,
  client: ClientRecord,
  params: Record<string, string>,
): Record<string, unknown> {
  requireFlow(client, 'ALLOW_CUSTOM_AUTH', 'CUSTOM_AUTH');
  const username = requiredParameter(params, 'USERNAME');
  checkSecretHash(client, [username], params.SECRET_HASH);
  const user = userFor(client, username);
  if (!user.customChallenge) throw invalidParameter('Custom auth lambda trigger is not configured for the user pool.');
  checkUserStatus(user);
  const progress = newProgress(user, client, 'CUSTOM_AUTH', params.DEVICE_KEY);
  if (params.CHALLENGE_NAME === 'SRP_A') return startUserSrp(state, progress, requiredParameter(params, 'SRP_A'));
  if (user.customChallenge.startWithSrp) throw notAuthorized('Incorrect username or password.');
  return openCustomRound(state, progress, 0);
}
