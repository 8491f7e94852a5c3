import type { Emulator } from '../index.ts';
import { secretHashFor } from '../index.ts';
import { call, password, type WireAnswer } from './emulator-test-kit.ts';
import { passwordClaim, startClientSrp, type SrpClientStart } from './srp-test-client.ts';

/** The pool name SRP uses for the default test pool. */
export const poolName = 'Example1';

/** Client settings for a step: the ClientId and, for a client with a secret, the secret. */
export interface ClientChoice {
  clientId?: string;
  secret?: string;
}

function hashFor(choice: ClientChoice, username: string): Record<string, string> {
  const clientId = choice.clientId ?? 'publicclient1';
  return choice.secret ? { SECRET_HASH: secretHashFor(choice.secret, username, clientId) } : {};
}

/** InitiateAuth USER_SRP_AUTH; returns the answer and the client's SRP start. */
export async function beginSrp(
  emulator: Emulator,
  username: string,
  choice: ClientChoice = {},
  extra: Record<string, string> = {},
): Promise<{ answer: WireAnswer; start: SrpClientStart }> {
  const start = startClientSrp();
  const answer = await call(emulator, 'InitiateAuth', {
    AuthFlow: 'USER_SRP_AUTH',
    ClientId: choice.clientId ?? 'publicclient1',
    AuthParameters: { USERNAME: username, SRP_A: start.srpA, ...hashFor(choice, username), ...extra },
  });
  return { answer, start };
}

/** Answers any challenge with the given responses (USERNAME and SECRET_HASH added). */
export function respond(
  emulator: Emulator,
  previous: WireAnswer,
  username: string,
  responses: Record<string, string>,
  choice: ClientChoice = {},
  challengeName?: string,
): Promise<WireAnswer> {
  return call(emulator, 'RespondToAuthChallenge', {
    ChallengeName: challengeName ?? previous.body.ChallengeName,
    ClientId: choice.clientId ?? 'publicclient1',
    Session: previous.body.Session,
    ChallengeResponses: { USERNAME: username, ...hashFor(choice, username), ...responses },
  });
}

/** The challenge parameters of an answer. */
export function parametersOf(answer: WireAnswer): Record<string, string> {
  return (answer.body.ChallengeParameters ?? {}) as Record<string, string>;
}

/** Answers PASSWORD_VERIFIER with a claim for `secret` (the password, by default the right one). */
export function answerVerifier(
  emulator: Emulator,
  answer: WireAnswer,
  start: SrpClientStart,
  options: { password?: string; choice?: ClientChoice; timestamp?: string } = {},
): Promise<WireAnswer> {
  const params = parametersOf(answer);
  const userId = params.USER_ID_FOR_SRP ?? '';
  const claim = passwordClaim({
    start,
    poolName,
    userId,
    password: options.password ?? password,
    parameters: params,
    timestamp: options.timestamp,
  });
  return respond(emulator, answer, userId, claim, options.choice);
}

/** A whole USER_SRP_AUTH sign-in up to whatever follows PASSWORD_VERIFIER. */
export async function srpSignIn(
  emulator: Emulator,
  username: string,
  choice: ClientChoice = {},
  extra: Record<string, string> = {},
): Promise<WireAnswer> {
  const { answer, start } = await beginSrp(emulator, username, choice, extra);
  return answerVerifier(emulator, answer, start, { choice });
}
