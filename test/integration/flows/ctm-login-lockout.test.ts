import { profileRef } from '../../../main/core/profiles/profile-id.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run-cli.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { scriptedTty } from '../../support/scripted-tty.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { flowsSeed, mainPool, PASSWORD, TEMP_PASSWORD } from './flows-seed.ts';

const NEW_PASSWORD = 'Brand-New-Pass-9';

describe.skipIf(!HAS_KEYRING)(
  'sign-ins that cannot lock you out (terminal stood in by TTY-flagged streams; emulator, real keyring)',
  () => {
    let app: AppFixture;
    beforeAll(async () => {
      const seed = flowsSeed();
      const users = seed.pools[0]?.users ?? [];
      for (const username of ['twice', 'policy', 'scripted'])
        users.push({
          username,
          password: TEMP_PASSWORD,
          status: 'FORCE_CHANGE_PASSWORD',
          attributes: { email: `${username}@example.com` },
        });
      app = await startAppFixture(seed);
    });
    afterAll(async () => app?.close());
    const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);

    it('asks a new password twice and, when the two differ, sends nothing and asks both again', async () => {
      await app.core.addProfile(
        mainPool(app.emulator.endpoint, { name: 'twice', username: 'twice', authFlow: 'USER_PASSWORD_AUTH' }),
      );
      const typed = ['Typo-Pass-1', 'Tpyo-Pass-1', NEW_PASSWORD, NEW_PASSWORD];
      const terminal = scriptedTty((prompt) =>
        prompt.startsWith('Password:') ? TEMP_PASSWORD : prompt.startsWith('New password') ? typed.shift() : undefined,
      );
      const before = app.emulator.requests.length;
      expect(await runCli(['login', 'twice'], () => app.core, terminal)).toBe(0);
      expect(terminal.shown()).toContain(
        'The two passwords differ; nothing was sent. Type the new password twice again.',
      );
      const responses = app.emulator.requests.slice(before).filter((r) => r.operation === 'RespondToAuthChallenge');
      expect(responses).toHaveLength(1); // the mismatch never reached Cognito
      expect(terminal.shown()).not.toContain(NEW_PASSWORD);
      // The password that was confirmed twice is the one that works.
      expect((await ctm(['login', 'twice', '--password-stdin'], `${NEW_PASSWORD}\n`)).code).toBe(0);
    });

    it("says the pool's password-policy refusal in plain words and asks again (the temporary password still works)", async () => {
      await app.core.addProfile(
        mainPool(app.emulator.endpoint, { name: 'policy', username: 'policy', authFlow: 'USER_PASSWORD_AUTH' }),
      );
      const typed = ['short', 'short', NEW_PASSWORD, NEW_PASSWORD];
      const terminal = scriptedTty((prompt) =>
        prompt.startsWith('Password:') ? TEMP_PASSWORD : prompt.startsWith('New password') ? typed.shift() : undefined,
      );
      expect(await runCli(['login', 'policy'], () => app.core, terminal)).toBe(0);
      expect(terminal.shown()).toContain(
        'The user pool’s password policy refused the new password (Password not long enough). Nothing was changed: the old or temporary password still works.',
      );
    });

    it('from a script: a policy refusal and a wrong password exit 6 (not 4), with a message that does not say "sign in again"', async () => {
      await app.core.addProfile(
        mainPool(app.emulator.endpoint, { name: 'scripted', username: 'scripted', authFlow: 'USER_PASSWORD_AUTH' }),
      );
      const policy = await ctm(
        ['login', 'scripted', '--password-stdin', '--new-password-stdin'],
        `${TEMP_PASSWORD}\nshort\n`,
      );
      expect(policy).toMatchObject({ code: 6, stdout: '' });
      expect(policy.stderr).toMatch(
        /^ctm: The user pool’s password policy refused the new password \(Password not long enough\)\. Nothing was changed/,
      );
      await app.core.addProfile(
        mainPool(app.emulator.endpoint, { name: 'wrongpw', username: 'alice', authFlow: 'USER_PASSWORD_AUTH' }),
      );
      const wrong = await ctm(['login', 'wrongpw', '--password-stdin'], 'not-the-password\n');
      expect(wrong.code).toBe(6);
      expect(wrong.stderr).toMatch(
        /^ctm: NotAuthorizedException: Incorrect username or password\. Check the username and password\.\n$/,
      );
      await app.core.addProfile(
        mainPool(app.emulator.endpoint, { name: 'nobody', username: 'no-such-user', authFlow: 'USER_PASSWORD_AUTH' }),
      );
      expect((await ctm(['login', 'nobody', '--password-stdin'], `${PASSWORD}\n`)).code).toBe(6);
    });

    it('too many wrong codes says so (exit 6), not that the sign-in took too long', async () => {
      await app.core.addProfile(mainPool(app.emulator.endpoint, { name: 'codes', username: 'totpuser' }));
      const terminal = scriptedTty((prompt) =>
        prompt.startsWith('Password:')
          ? PASSWORD
          : prompt.startsWith('Code from your authenticator app')
            ? '000000'
            : undefined,
      );
      expect(await runCli(['login', 'codes'], () => app.core, terminal)).toBe(6);
      expect(terminal.shown()).toMatch(
        /ctm: Too many wrong codes: Cognito ended this sign-in after 3 wrong codes\. Sign in again: ctm login codes\n$/,
      );
      expect(terminal.shown()).not.toMatch(/took too long/);
    });

    it('keeps the username typed at the prompt on the profile, so the next login and ctm status know it', async () => {
      await app.core.addProfile(mainPool(app.emulator.endpoint, { name: 'anon', authFlow: 'USER_PASSWORD_AUTH' }));
      const terminal = scriptedTty((prompt) =>
        prompt.startsWith('Username:') ? 'alice' : prompt.startsWith('Password:') ? PASSWORD : undefined,
      );
      expect(await runCli(['login', 'anon'], () => app.core, terminal)).toBe(0);
      expect(terminal.shown()).toContain('Kept username "alice" on profile "anon"');
      expect((await app.core.resolveProfile(profileRef('anon'))).username).toBe('alice');
      const status = await ctm(['status']);
      expect(status.stdout).toMatch(/\nanon\s+fresh\s+.*\balice\b/);
    });
  },
);
