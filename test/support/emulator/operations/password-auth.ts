import type { EmulatorState } from '../emulator-state.ts';
import { passwordFactor } from '../first-factor.ts';
import type { ClientRecord } from '../pool-records.ts';
import { requiredParameter, requireFlow, userFor } from '../request-fields.ts';
import { checkSecretHash } from '../secret-hash.ts';
import { newProgress } from '../sign-in-progress.ts';

/** InitiateAuth USER_PASSWORD_AUTH: USERNAME and PASSWORD in the clear. */
export function userPasswordAuth(
  state: EmulatorState,
  client: ClientRecord,
  params: Record<string, string>,
): Record<string, unknown> {
  requireFlow(client, 'ALLOW_USER_PASSWORD_AUTH', 'USER_PASSWORD_AUTH');
  const username = requiredParameter(params, 'USERNAME');
  const password = requiredParameter(params, 'PASSWORD');
  checkSecretHash(client, [username], params.SECRET_HASH);
  const user = userFor(client, username);
  return passwordFactor(state, newProgress(user, client, 'USER_PASSWORD_AUTH', params.DEVICE_KEY), password);
}
