import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretHashFor, startEmulator, type Emulator } from '../../../support/emulator/index.ts';
import {
  challengesSince,
  CLIENT_SECRET,
  conversationFor,
  FULL_SEED,
  PASSWORD,
  profileOf,
  promptOf,
} from './conversation-kit.ts';

describe('sign-in conversation: every flow, against the emulator over HTTP', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: FULL_SEED });
  });
  afterAll(() => emulator.close());

  it('USER_SRP_AUTH (the default) proves the password by SRP without sending it', async () => {
    const from = emulator.requests.length;
    const outcome = await conversationFor(emulator, profileOf(emulator, { username: 'alice' })).start({
      password: PASSWORD,
    });
    expect(outcome.kind).toBe('tokens');
    const wire = emulator.requests.slice(from);
    expect(wire[0]?.body.AuthFlow).toBe('USER_SRP_AUTH');
    expect(JSON.stringify(wire.map((r) => r.body))).not.toContain(PASSWORD);
    expect(challengesSince(emulator, from)).toEqual(['PASSWORD_VERIFIER']);
  });

  it('USER_SRP_AUTH with a wrong password fails with an actionable message', async () => {
    const conversation = conversationFor(emulator, profileOf(emulator, { username: 'alice' }));
    await expect(conversation.start({ password: 'wrong-password' })).rejects.toThrow(
      /Incorrect username or password\. Check the username/,
    );
  });

  it('USER_PASSWORD_AUTH sends the password', async () => {
    const from = emulator.requests.length;
    const outcome = await conversationFor(
      emulator,
      profileOf(emulator, { username: 'alice', authFlow: 'USER_PASSWORD_AUTH' }),
    ).start({ password: PASSWORD });
    expect(outcome.kind).toBe('tokens');
    expect(emulator.requests[from]?.body.AuthParameters).toMatchObject({ USERNAME: 'alice', PASSWORD });
  });

  it('CUSTOM_AUTH answers the rounds', async () => {
    const conversation = conversationFor(
      emulator,
      profileOf(emulator, { username: 'quizuser', authFlow: 'CUSTOM_AUTH' }),
    );
    const prompt = promptOf(await conversation.start({}));
    expect(prompt).toEqual({ name: 'CUSTOM_CHALLENGE', parameters: { question: '2+2?' } });
    expect((await conversation.answer({ answer: '4' })).kind).toBe('tokens');
  });

  it('CUSTOM_AUTH with a password starts with CHALLENGE_NAME=SRP_A, then the rounds', async () => {
    const from = emulator.requests.length;
    const conversation = conversationFor(
      emulator,
      profileOf(emulator, { username: 'quizuser', authFlow: 'CUSTOM_AUTH' }),
    );
    expect(promptOf(await conversation.start({ password: PASSWORD })).name).toBe('CUSTOM_CHALLENGE');
    expect(emulator.requests[from]?.body.AuthParameters).toMatchObject({
      CHALLENGE_NAME: 'SRP_A',
      SRP_A: expect.stringMatching(/^[0-9a-f]+$/),
    });
    expect(challengesSince(emulator, from)).toEqual(['PASSWORD_VERIFIER']);
    expect((await conversation.answer({ answer: '4' })).kind).toBe('tokens');
  });

  it('USER_AUTH with no preference offers SELECT_CHALLENGE, and PASSWORD_SRP runs SRP', async () => {
    const conversation = conversationFor(emulator, profileOf(emulator, { username: 'alice', authFlow: 'USER_AUTH' }));
    const prompt = promptOf(await conversation.start({}));
    expect(prompt).toEqual({ name: 'SELECT_CHALLENGE', options: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP'] });
    expect((await conversation.answer({ select: 'PASSWORD_SRP', password: PASSWORD })).kind).toBe('tokens');
  });

  it.each([['PASSWORD'], ['PASSWORD_SRP']])(
    'USER_AUTH with PREFERRED_CHALLENGE=%s signs in at once',
    async (preferredChallenge) => {
      const from = emulator.requests.length;
      const outcome = await conversationFor(
        emulator,
        profileOf(emulator, { username: 'alice', authFlow: 'USER_AUTH', preferredChallenge }),
      ).start({ password: PASSWORD });
      expect(outcome.kind).toBe('tokens');
      expect(emulator.requests[from]?.body.AuthParameters).toMatchObject({ PREFERRED_CHALLENGE: preferredChallenge });
    },
  );

  it.each([
    ['EMAIL_OTP', 'a***@e***'],
    ['SMS_OTP', '+*******1234'],
  ])('USER_AUTH with %s asks for the code sent to %s', async (preferredChallenge, destination) => {
    const conversation = conversationFor(
      emulator,
      profileOf(emulator, { username: 'alice', authFlow: 'USER_AUTH', preferredChallenge }),
    );
    expect(promptOf(await conversation.start({}))).toEqual({ name: preferredChallenge, destination });
    expect((await conversation.answer({ code: emulator.outbox('alice').at(-1)! })).kind).toBe('tokens');
  });

  it.each([['ADMIN_NO_SRP_AUTH', /replaced it with ADMIN_USER_PASSWORD_AUTH.*USER_PASSWORD_AUTH.*USER_SRP_AUTH/]])(
    'refuses %s without calling Cognito, naming what to use',
    async (authFlow, message) => {
      const from = emulator.requests.length;
      await expect(
        conversationFor(emulator, profileOf(emulator, { username: 'alice', authFlow })).start({ password: PASSWORD }),
      ).rejects.toThrow(message);
      expect(emulator.requests.length).toBe(from);
    },
  );

  it('a confidential client sends SECRET_HASH over USER_ID_FOR_SRP after SRP, and over the typed name before', async () => {
    const from = emulator.requests.length;
    const profile = profileOf(emulator, { username: 'alice', clientId: 'secretclient1', hasClientSecret: true });
    expect(
      (await conversationFor(emulator, profile, { clientSecret: CLIENT_SECRET }).start({ password: PASSWORD })).kind,
    ).toBe('tokens');
    const [initiate, verifier] = emulator.requests
      .slice(from)
      .map((r) => (r.body.AuthParameters ?? r.body.ChallengeResponses) as Record<string, string>);
    expect(initiate?.SECRET_HASH).toBe(secretHashFor(CLIENT_SECRET, 'alice', 'secretclient1'));
    expect(verifier?.SECRET_HASH).toBe(secretHashFor(CLIENT_SECRET, verifier?.USERNAME ?? '', 'secretclient1'));
  });

  it('refuses to start without a username or a password the flow needs', async () => {
    await expect(conversationFor(emulator, profileOf(emulator, {})).start({ password: PASSWORD })).rejects.toThrow(
      /has no username/,
    );
    await expect(conversationFor(emulator, profileOf(emulator, { username: 'alice' })).start({})).rejects.toThrow(
      /needs a password/,
    );
  });
});
