import { idOf } from '../../support/profile-ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import type { Seed } from '../../support/emulator/index.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { PASSWORD } from './flows-seed.ts';

/** A pool whose users must set up MFA and may choose an authenticator app or e-mail codes. */
function setupSeed(): Seed {
  const user = (username: string) => ({ username, password: PASSWORD, mfa: { setupRequired: true } });
  return {
    pools: [
      {
        id: 'us-east-1_MailMfa1',
        mfaSetupMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
        clients: [{ id: 'mailmfaclient1' }],
        users: [user('core-user'), user('cli-user')],
      },
    ],
  };
}

describe.skipIf(!HAS_KEYRING)(
  'MFA_SETUP by e-mail (emulator offering SOFTWARE_TOKEN_MFA and EMAIL_OTP, real keyring)',
  () => {
    let app: AppFixture;
    const addProfile = (name: string, username: string) =>
      app.core.addProfile({
        name,
        region: 'us-east-1',
        userPoolId: 'us-east-1_MailMfa1',
        clientId: 'mailmfaclient1',
        username,
        authFlow: 'USER_PASSWORD_AUTH',
        endpoint: app.emulator.endpoint,
      });
    const lastCode = (username: string) => app.emulator.outbox(username).at(-1) ?? '';
    beforeAll(async () => {
      app = await startAppFixture(setupSeed());
    });
    afterAll(async () => app?.close());

    it('offers both methods; an e-mail address answers MFA_SETUP, the e-mailed code (EMAIL_OTP) signs in, and the next sign-in asks EMAIL_OTP', async () => {
      await addProfile('mail', 'core-user');
      const setup = await app.core.signIn(await idOf(app.core, 'mail'), { password: PASSWORD });
      if (setup.kind !== 'challenge') throw new Error('expected MFA_SETUP');
      expect(setup.prompt).toMatchObject({ name: 'MFA_SETUP', options: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] });
      const emailed = await app.core.answerChallenge(setup.conversationId, { email: 'core-user@example.com' });
      if (emailed.kind !== 'challenge') throw new Error('expected EMAIL_OTP');
      expect(emailed.prompt.name).toBe('EMAIL_OTP');
      expect((await app.core.answerChallenge(emailed.conversationId, { code: lastCode('core-user') })).kind).toBe(
        'signed-in',
      );
      const next = await app.core.signIn(await idOf(app.core, 'mail'), { password: PASSWORD });
      expect(next).toMatchObject({ kind: 'challenge', prompt: { name: 'EMAIL_OTP' } });
    });

    it('ctm login --select EMAIL_OTP --answer ADDRESS sends the address: Cognito e-mails a code and the scripted run stops at the e-mail code prompt (exit 2, no terminal)', async () => {
      await addProfile('cli-mail', 'cli-user');
      // The code is sent only after the address is given, so the scripted run stops at the code prompt (no terminal).
      const first = await runCtm(
        ['login', 'cli-mail', '--password-stdin', '--select', 'EMAIL_OTP', '--answer', 'cli-user@example.com'],
        app.env,
        `${PASSWORD}\n`,
      );
      expect(first.code).toBe(2);
      expect(first.stderr).toMatch(/E-mail code/);
      expect(app.emulator.outbox('cli-user').at(-1)).toMatch(/^\d{6,8}$/);
    });
  },
);
