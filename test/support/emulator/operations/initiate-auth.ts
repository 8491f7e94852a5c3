import { invalidParameter } from '../cognito-error.ts';
import type { EmulatorState } from '../emulator-state.ts';
import type { ClientRecord } from '../pool-records.ts';
import { clientFor, requiredMember, stringMap, type RequestBody } from '../request-fields.ts';
import { customAuth } from './custom-auth.ts';
import { userPasswordAuth } from './password-auth.ts';
import { refreshTokenAuth } from './refresh-auth.ts';
import { userSrpAuth } from './srp-auth.ts';
import { userAuth } from './user-auth.ts';

/** One AuthFlow's start. */
export type FlowHandler = (
  state: EmulatorState,
  client: ClientRecord,
  params: Record<string, string>,
) => Record<string, unknown>;

const flows: Readonly<Record<string, FlowHandler>> = {
  USER_PASSWORD_AUTH: userPasswordAuth,
  REFRESH_TOKEN_AUTH: refreshTokenAuth,
  REFRESH_TOKEN: refreshTokenAuth,
  USER_SRP_AUTH: userSrpAuth,
  CUSTOM_AUTH: customAuth,
  USER_AUTH: userAuth,
};

/** The handler of a flow InitiateAuth and AdminInitiateAuth share (undefined: not served by InitiateAuth). */
export function sharedFlow(flow: string): FlowHandler | undefined {
  return Object.hasOwn(flows, flow) ? flows[flow] : undefined;
}

/** Every AuthFlow value the API knows (API_InitiateAuth, AuthFlow). */
export const knownFlows = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
];

/** InitiateAuth: checks the common members, then hands over to the AuthFlow's handler. */
export function initiateAuth(state: EmulatorState, body: RequestBody): Record<string, unknown> {
  const flow = requiredMember(body, 'AuthFlow');
  if (!knownFlows.includes(flow)) {
    throw invalidParameter(
      `1 validation error detected: Value '${flow}' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [${knownFlows.join(', ')}]`,
    );
  }
  const client = clientFor(state, body);
  const handler = sharedFlow(flow);
  if (!handler) throw invalidParameter('Initiate Auth method not supported.');
  return handler(state, client, stringMap(body, 'AuthParameters'));
}
