import type { AuthSession } from '../auth-session-store.ts';
import { answerCode, answerMfaSetup, answerSelectMfaType } from '../challenges/code-answers.ts';
import { answerCustomChallenge } from '../challenges/custom-challenge.ts';
import { answerDevicePasswordVerifier, answerDeviceSrpAuth } from '../challenges/device-srp.ts';
import { answerNewPassword } from '../challenges/new-password.ts';
import { answerPasswordVerifier } from '../challenges/password-verifier.ts';
import { answerSelectChallenge } from '../challenges/select-challenge.ts';
import { CognitoError, invalidParameter, notAuthorized } from '../cognito-error.ts';
import type { EmulatorState } from '../emulator-state.ts';
import {
  clientFor,
  optionalMember,
  requiredMember,
  requiredParameter,
  stringMap,
  type RequestBody,
} from '../request-fields.ts';
import { checkSecretHash } from '../secret-hash.ts';
import { checkOfferedDevice } from '../sign-in-progress.ts';
import { findUser } from '../user-lookup.ts';

type ChallengeHandler = (
  state: EmulatorState,
  session: AuthSession,
  responses: Record<string, string>,
) => Record<string, unknown>;

const handlers: Record<string, ChallengeHandler> = {
  PASSWORD_VERIFIER: answerPasswordVerifier,
  NEW_PASSWORD_REQUIRED: answerNewPassword,
  SMS_MFA: answerCode,
  EMAIL_OTP: answerCode,
  SMS_OTP: answerCode,
  SOFTWARE_TOKEN_MFA: answerCode,
  SELECT_MFA_TYPE: answerSelectMfaType,
  MFA_SETUP: answerMfaSetup,
  CUSTOM_CHALLENGE: answerCustomChallenge,
  DEVICE_SRP_AUTH: answerDeviceSrpAuth,
  DEVICE_PASSWORD_VERIFIER: answerDevicePasswordVerifier,
  SELECT_CHALLENGE: answerSelectChallenge,
};

/** Wrong codes a session survives before it is spent. */
const codeRetries = 3;

/** RespondToAuthChallenge: checks the session, USERNAME and SECRET_HASH, then answers the challenge. */
export function respondToAuthChallenge(state: EmulatorState, body: RequestBody): Record<string, unknown> {
  const challenge = requiredMember(body, 'ChallengeName');
  const client = clientFor(state, body);
  const handler = Object.hasOwn(handlers, challenge) ? handlers[challenge] : undefined;
  if (!handler) throw invalidParameter(`Invalid challenge name ${challenge}`);
  const session = state.sessions.peek(optionalMember(body, 'Session'), client);
  if (session.challenge !== challenge)
    throw invalidParameter(`Invalid challenge name ${challenge}: the session expects ${session.challenge}`);
  const responses = stringMap(body, 'ChallengeResponses');
  const username = requiredParameter(responses, 'USERNAME');
  const user = session.progress.user;
  checkSecretHash(client, [username], responses.SECRET_HASH);
  // USERNAME may be the real username, the sub, or (username attributes) the e-mail / phone the user signed in with;
  // SECRET_HASH is over whichever was sent (API_RespondToAuthChallenge, ChallengeResponses).
  if (username !== user.sub && findUser(user.pool, username) !== user)
    throw notAuthorized('Incorrect username or password.');
  const offered = responses.DEVICE_KEY;
  if (offered && !challenge.startsWith('DEVICE_')) {
    checkOfferedDevice(user, offered);
    session.progress.offeredDeviceKey = offered;
  }
  try {
    const answer = handler(state, session, responses);
    state.sessions.spend(session);
    return answer;
  } catch (error) {
    const type = error instanceof CognitoError ? error.type : '';
    if (type === 'InvalidParameterException' || type === 'ResourceNotFoundException') throw error;
    if (type !== 'CodeMismatchException' || ++session.failures >= codeRetries) state.sessions.spend(session);
    throw error;
  }
}
