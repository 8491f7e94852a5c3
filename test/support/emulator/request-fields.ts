import { CognitoError, invalidParameter, missingMember, missingParameter } from './cognito-error.ts';
import type { EmulatorState } from './emulator-state.ts';
import type { ClientRecord, UserRecord } from './pool-records.ts';
import { findUser } from './user-lookup.ts';

/** A parsed request body. */
export type RequestBody = Record<string, unknown>;

/** A required top-level string member (ClientId, Token, ...). */
export function requiredMember(body: RequestBody, name: string): string {
  const value = body[name];
  if (value === undefined || value === null) throw missingMember(name);
  if (typeof value !== 'string' || value === '')
    throw invalidParameter(
      `1 validation error detected: Value at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must have length greater than or equal to 1`,
    );
  return value;
}

/** An optional top-level string member. */
export function optionalMember(body: RequestBody, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new CognitoError('SerializationException', `${name} must be a string`);
  return value;
}

/** A string-to-string map member (AuthParameters, ChallengeResponses); absent gives {}. */
export function stringMap(body: RequestBody, name: string): Record<string, string> {
  const value = body[name];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw new CognitoError('SerializationException', `${name} must be a map`);
  const map: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') throw new CognitoError('SerializationException', `${name}.${key} must be a string`);
    map[key] = entry;
  }
  return map;
}

/** A required entry of AuthParameters / ChallengeResponses. */
export function requiredParameter(map: Record<string, string>, name: string): string {
  const value = map[name];
  if (value === undefined || value === '') throw missingParameter(name);
  return value;
}

/** The app client named by ClientId, or ResourceNotFoundException. */
export function clientFor(state: EmulatorState, body: RequestBody): ClientRecord {
  const id = requiredMember(body, 'ClientId');
  const client = state.clients.get(id);
  if (!client) throw new CognitoError('ResourceNotFoundException', `Client ${id} does not exist.`);
  return client;
}

/** The user named by a USERNAME in the client's pool, or UserNotFoundException. */
export function userFor(client: ClientRecord, username: string): UserRecord {
  const user = findUser(client.pool, username);
  if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
  return user;
}

/** Cognito's refusal of an auth flow the app client does not allow. */
export function flowNotEnabled(flowName: string): CognitoError {
  return invalidParameter(`${flowName} flow not enabled for this client`);
}

/** Refuses a flow the client's explicitAuthFlows do not allow. */
export function requireFlow(client: ClientRecord, allow: string, flowName: string): void {
  if (client.explicitAuthFlows && !client.explicitAuthFlows.has(allow)) throw flowNotEnabled(flowName);
}
