import { signedCaller, requireAllowed } from '../aws/signed-caller.ts';
import { asJsonError, SignatureProblem } from '../aws/signature-problem.ts';
import type { SignedParts } from '../aws/sigv4.ts';
import { CognitoError, invalidParameter } from '../cognito-error.ts';
import type { EmulatorState } from '../emulator-state.ts';
import { passwordFactor } from '../first-factor.ts';
import type { ClientRecord } from '../pool-records.ts';
import {
  clientFor,
  requiredMember,
  requiredParameter,
  requireFlow,
  stringMap,
  userFor,
  type RequestBody,
} from '../request-fields.ts';
import { checkSecretHash } from '../secret-hash.ts';
import { newProgress } from '../sign-in-progress.ts';
import { knownFlows, sharedFlow } from './initiate-auth.ts';
import { respondToAuthChallenge } from './respond-to-auth-challenge.ts';

/**
 * The administrator API's gate: a SigV4 signature for `cognito-idp` by a principal allowed the action on the pool
 * (API_AdminInitiateAuth: "you must use IAM credentials to authorize requests"), then the pool and a client of it.
 */
function adminClient(state: EmulatorState, body: RequestBody, request: SignedParts, action: string): ClientRecord {
  try {
    const caller = signedCaller(state.aws, request, 'cognito-idp', state.clock.now());
    const poolId = requiredMember(body, 'UserPoolId');
    requireAllowed(
      caller,
      `cognito-idp:${action}`,
      `arn:aws:cognito-idp:${poolId.slice(0, poolId.indexOf('_'))}:${state.aws.accountId}:userpool/${poolId}`,
    );
  } catch (error) {
    throw error instanceof SignatureProblem ? asJsonError(error) : error;
  }
  const poolId = requiredMember(body, 'UserPoolId');
  if (!state.pools.has(poolId))
    throw new CognitoError('ResourceNotFoundException', `User pool ${poolId} does not exist.`);
  const client = clientFor(state, body);
  if (client.pool.id !== poolId)
    throw new CognitoError('ResourceNotFoundException', `User pool client ${client.id} does not exist.`);
  return client;
}

/** ADMIN_USER_PASSWORD_AUTH (and its legacy name ADMIN_NO_SRP_AUTH): USERNAME and PASSWORD, needing ALLOW_ADMIN_USER_PASSWORD_AUTH. */
function adminPasswordAuth(
  state: EmulatorState,
  client: ClientRecord,
  flow: string,
  params: Record<string, string>,
): Record<string, unknown> {
  requireFlow(client, 'ALLOW_ADMIN_USER_PASSWORD_AUTH', flow);
  const username = requiredParameter(params, 'USERNAME');
  const password = requiredParameter(params, 'PASSWORD');
  checkSecretHash(client, [username], params.SECRET_HASH);
  return passwordFactor(state, newProgress(userFor(client, username), client, flow, params.DEVICE_KEY), password);
}

// API_AdminInitiateAuth, AuthFlow: the admin flows, plus refresh, custom and choice-based sign-in; SRP and
// USER_PASSWORD_AUTH belong to InitiateAuth.
const adminSharedFlows = new Set(['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'USER_AUTH']);

/** AdminInitiateAuth: signed; ADMIN_USER_PASSWORD_AUTH / ADMIN_NO_SRP_AUTH, or one of the flows it shares with InitiateAuth. */
export function adminInitiateAuth(
  state: EmulatorState,
  body: RequestBody,
  request: SignedParts,
): Record<string, unknown> {
  const client = adminClient(state, body, request, 'AdminInitiateAuth');
  const flow = requiredMember(body, 'AuthFlow');
  if (!knownFlows.includes(flow))
    throw invalidParameter(
      `1 validation error detected: Value '${flow}' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [${knownFlows.join(', ')}]`,
    );
  const params = stringMap(body, 'AuthParameters');
  if (flow === 'ADMIN_USER_PASSWORD_AUTH' || flow === 'ADMIN_NO_SRP_AUTH')
    return adminPasswordAuth(state, client, flow, params);
  const handler = adminSharedFlows.has(flow) ? sharedFlow(flow) : undefined;
  if (!handler) throw invalidParameter('Initiate Auth method not supported.');
  return handler(state, client, params);
}

/** AdminRespondToAuthChallenge: signed; then every challenge as RespondToAuthChallenge answers it. */
export function adminRespondToAuthChallenge(
  state: EmulatorState,
  body: RequestBody,
  request: SignedParts,
): Record<string, unknown> {
  adminClient(state, body, request, 'AdminRespondToAuthChallenge');
  return respondToAuthChallenge(state, body);
}
