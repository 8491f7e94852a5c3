import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { authResult, baseSeed, call, password, start } from './emulator-test-kit.ts';
import { parametersOf, poolName, respond } from './sign-in-steps.ts';
import { passwordClaim, startClientSrp } from './srp-test-client.ts';

const rounds = [
  { parameters: { question: '2+2?' }, answer: '4' },
  { parameters: { question: 'capital of France?' }, answer: 'Paris' },
];

describe('InitiateAuth CUSTOM_AUTH', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start(
      baseSeed((seed) => {
        seed.pools[0]?.users.push(
          { username: 'quiz', password, customChallenge: { rounds } },
          {
            username: 'srpquiz',
            password,
            customChallenge: { rounds: [rounds[0] ?? { parameters: {}, answer: '' }], startWithSrp: true },
          },
        );
      }),
    );
  });
  afterAll(() => emulator.close());

  function begin(username: string, extra: Record<string, string> = {}) {
    return call(emulator, 'InitiateAuth', {
      AuthFlow: 'CUSTOM_AUTH',
      ClientId: 'publicclient1',
      AuthParameters: { USERNAME: username, ...extra },
    });
  }

  it('walks through the scripted rounds and issues tokens', async () => {
    const first = await begin('quiz');
    expect(first.body.ChallengeName).toBe('CUSTOM_CHALLENGE');
    expect(parametersOf(first)).toEqual({ question: '2+2?', USERNAME: 'quiz' });
    const second = await respond(emulator, first, 'quiz', { ANSWER: '4' });
    expect(parametersOf(second).question).toBe('capital of France?');
    const done = await respond(emulator, second, 'quiz', { ANSWER: 'Paris' });
    expect(typeof authResult(done).AccessToken).toBe('string');
  });

  it('fails the sign-in for a wrong answer', async () => {
    const first = await begin('quiz');
    const wrong = await respond(emulator, first, 'quiz', { ANSWER: '5' });
    expect(wrong.body).toEqual({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('starts with SRP when asked with CHALLENGE_NAME=SRP_A, then runs the rounds', async () => {
    const start = startClientSrp();
    const verifier = await begin('srpquiz', { CHALLENGE_NAME: 'SRP_A', SRP_A: start.srpA });
    expect(verifier.body.ChallengeName).toBe('PASSWORD_VERIFIER');
    const claim = passwordClaim({ start, poolName, userId: 'srpquiz', password, parameters: parametersOf(verifier) });
    const round = await respond(emulator, verifier, 'srpquiz', claim);
    expect(round.body.ChallengeName).toBe('CUSTOM_CHALLENGE');
    const done = await respond(emulator, round, 'srpquiz', { ANSWER: '4' });
    expect(done.status).toBe(200);
  });

  it('refuses a user whose script starts with SRP when no SRP_A came', async () => {
    expect((await begin('srpquiz')).body.__type).toBe('NotAuthorizedException');
  });

  it('refuses a user without a custom challenge script', async () => {
    expect((await begin('alice')).body.__type).toBe('InvalidParameterException');
  });

  it('refuses a client without ALLOW_CUSTOM_AUTH', async () => {
    const answer = await call(emulator, 'InitiateAuth', {
      AuthFlow: 'CUSTOM_AUTH',
      ClientId: 'passwordonly1',
      AuthParameters: { USERNAME: 'quiz' },
    });
    expect(answer.body.message).toBe('CUSTOM_AUTH flow not enabled for this client');
  });
});
