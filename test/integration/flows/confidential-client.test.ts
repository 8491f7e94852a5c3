import { idOf } from '../../support/profile-ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChallengeAnswer } from '../../../main/core/auth/sign-in-types.ts';
import type { SignInStep } from '../../../main/core/sessions/session-state.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { totpCode } from '../../support/emulator/index.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { flowsSeed, mainPool, PASSWORD, SECRET, TEMP_PASSWORD, TOTP_SECRET } from './flows-seed.ts';

// The emulator checks SECRET_HASH at every step (over the USERNAME of that request): each sign-in below
// only finishes if every request of it carried the right one.

describe.skipIf(!HAS_KEYRING)('a confidential app client in every flow and challenge (emulator, real keyring)', () => {
  let app: AppFixture;
  let count = 0;
  const addConfidential = async (fields: Record<string, unknown>) => {
    const name = `conf${++count}`;
    await app.core.addProfile(mainPool(app.emulator.endpoint, { name, clientId: 'secretclient1', ...fields }), SECRET);
    return name;
  };
  const answer = async (step: SignInStep, reply: (name: string) => ChallengeAnswer): Promise<SignInStep> => {
    let current = step;
    while (current.kind === 'challenge')
      current = await app.core.answerChallenge(current.conversationId, reply(current.prompt.name));
    return current;
  };
  const secretHashes = (from: number) =>
    app.emulator.requests
      .slice(from)
      .map(
        (r) =>
          ((r.body.AuthParameters ?? r.body.ChallengeResponses) as Record<string, string> | undefined)?.SECRET_HASH,
      );
  beforeAll(async () => {
    app = await startAppFixture(flowsSeed());
  });
  afterAll(async () => app?.close());

  it.each([
    ['USER_SRP_AUTH', 'alice', {}],
    ['USER_PASSWORD_AUTH', 'alice', {}],
    ['USER_AUTH', 'alice', { preferredChallenge: 'PASSWORD_SRP' }],
    ['USER_AUTH', 'alice', { preferredChallenge: 'PASSWORD' }],
  ])('%s for %s signs in', async (authFlow, username, extra) => {
    const name = await addConfidential({ authFlow, username, ...extra });
    const from = app.emulator.requests.length;
    expect((await app.core.signIn(await idOf(app.core, name), { password: PASSWORD })).kind).toBe('signed-in');
    expect(secretHashes(from).every((hash) => typeof hash === 'string')).toBe(true);
  });

  it('CUSTOM_AUTH starting with SRP_A, then two rounds', async () => {
    const name = await addConfidential({ authFlow: 'CUSTOM_AUTH', username: 'riddler' });
    const answers = ['1', '2'];
    const done = await answer(await app.core.signIn(await idOf(app.core, name), { password: PASSWORD }), () => ({
      answer: answers.shift() ?? '',
    }));
    expect(done.kind).toBe('signed-in');
  });

  it('USER_AUTH with SELECT_CHALLENGE and EMAIL_OTP', async () => {
    const name = await addConfidential({ authFlow: 'USER_AUTH', username: 'alice' });
    const done = await answer(await app.core.signIn(await idOf(app.core, name), {}), (challenge) =>
      challenge === 'SELECT_CHALLENGE' ? { select: 'EMAIL_OTP' } : { code: app.emulator.outbox('alice').at(-1) ?? '' },
    );
    expect(done.kind).toBe('signed-in');
  });

  it('NEW_PASSWORD_REQUIRED with a required attribute', async () => {
    const name = await addConfidential({ username: 'newbie' });
    const done = await answer(await app.core.signIn(await idOf(app.core, name), { password: TEMP_PASSWORD }), () => ({
      newPassword: 'Brand-New-Pass-2',
      attributes: { email: 'newbie@example.com' },
    }));
    expect(done.kind).toBe('signed-in');
  });

  it.each([['smsuser'], ['mailuser']])('%s: an SMS or e-mail code read from the outbox', async (username) => {
    const name = await addConfidential({ username });
    const done = await answer(await app.core.signIn(await idOf(app.core, name), { password: PASSWORD }), () => ({
      code: app.emulator.outbox(username).at(-1) ?? '',
    }));
    expect(done.kind).toBe('signed-in');
  });

  it('SELECT_MFA_TYPE, then SOFTWARE_TOKEN_MFA', async () => {
    const name = await addConfidential({ username: 'chooser' });
    const reply = (challenge: string) =>
      challenge === 'SELECT_MFA_TYPE'
        ? { select: 'SOFTWARE_TOKEN_MFA' }
        : { code: totpCode(TOTP_SECRET, app.emulator.now()) };
    expect((await answer(await app.core.signIn(await idOf(app.core, name), { password: PASSWORD }), reply)).kind).toBe(
      'signed-in',
    );
  });

  it('MFA_SETUP: associate, verify, then sign in with the new authenticator', async () => {
    const name = await addConfidential({ username: 'setupuser' });
    let secret = '';
    const step = await app.core.signIn(await idOf(app.core, name), { password: PASSWORD });
    if (step.kind === 'challenge') secret = step.prompt.totpSecret ?? '';
    expect((await answer(step, () => ({ code: totpCode(secret, app.emulator.now()) }))).kind).toBe('signed-in');
  });

  it('a mistyped code keeps the conversation: the next answer finishes it', async () => {
    const name = await addConfidential({ username: 'totpuser' });
    const step = await app.core.signIn(await idOf(app.core, name), { password: PASSWORD });
    if (step.kind !== 'challenge') throw new Error('expected SOFTWARE_TOKEN_MFA');
    const right = totpCode(TOTP_SECRET, app.emulator.now());
    await expect(
      app.core.answerChallenge(step.conversationId, { code: right === '000000' ? '111111' : '000000' }),
    ).rejects.toThrow(/CodeMismatchException/);
    expect((await app.core.answerChallenge(step.conversationId, { code: right })).kind).toBe('signed-in');
  });

  it.each([['REFRESH_TOKEN_AUTH'], ['REFRESH_TOKEN']])('refreshes with %s', async (refreshMethod) => {
    const name = await addConfidential({ username: 'alice', refreshMethod });
    await app.core.signIn(await idOf(app.core, name), { password: PASSWORD });
    const from = app.emulator.requests.length;
    await app.core.refreshNow(await idOf(app.core, name));
    expect(app.emulator.requests[from]?.body.AuthFlow).toBe(refreshMethod);
  });
});
