import type { EmulatorState } from '../emulator-state.ts';
import type { ClientRecord } from '../pool-records.ts';
import { requiredParameter, requireFlow, userFor } from '../request-fields.ts';
import { checkSecretHash } from '../secret-hash.ts';
import { newProgress } from '../sign-in-progress.ts';
import { startUserSrp } from '../srp-start.ts';

/** InitiateAuth USER_SRP_AUTH: USERNAME and SRP_A; answers PASSWORD_VERIFIER. */
export function userSrpAuth(
  state: EmulatorState,
  client: ClientRecord,
  params: Record<string, string>,
): Record<string, unknown> {
  requireFlow(client, 'ALLOW_USER_SRP_AUTH', 'USER_SRP_AUTH');
  const username = requiredParameter(params, 'USERNAME');
  const srpA = requiredParameter(params, 'SRP_A');
  checkSecretHash(client, [username], params.SECRET_HASH);
  const user = userFor(client, username);
  return startUserSrp(state, newProgress(user, client, 'USER_SRP_AUTH', params.DEVICE_KEY), srpA);
}
