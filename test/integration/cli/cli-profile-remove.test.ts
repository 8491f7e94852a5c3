import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { HAS_SCRIPT, onPty } from '../../support/on-pty.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

describe.skipIf(!HAS_KEYRING)(
  'ctm profile remove of a signed-in profile, against the emulator and the real keyring',
  () => {
    let app: AppFixture;
    const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);
    const revocations = () => app.emulator.requests.filter((r) => r.operation === 'RevokeToken').length;
    const signedIn = async (name: string) => {
      const profile = ['--user-pool-id', TEST_POOL, '--client-id', PUBLIC_CLIENT, '--username', 'alice'];
      expect((await ctm(['profile', 'add', name, ...profile, '--auth-flow', 'USER_PASSWORD_AUTH'])).code).toBe(0);
      expect((await ctm(['profile', 'edit', name, '--endpoint', app.emulator.endpoint])).code).toBe(0);
      expect((await ctm(['login', name, '--password-stdin'], ALICE_PASSWORD)).code).toBe(0);
    };
    beforeAll(async () => {
      app = await startAppFixture(skeletonSeed());
    });
    afterAll(async () => app?.close());

    it('says the refresh token stays valid at Cognito, and revokes nothing, without --revoke', async () => {
      await signedIn('kept');
      const before = revocations();
      const run = await ctm(['profile', 'remove', 'kept']);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe(
        'Removed profile "kept" and its keychain entries.\n' +
          'It was signed in: it is signed out on this computer only, and its refresh token stays valid at Cognito until it expires (--revoke revokes it first).\n',
      );
      expect(revocations()).toBe(before);
      expect((await ctm(['token', 'kept'])).code).toBe(2);
    });

    it('revokes the refresh token at Cognito first with --revoke (the sign-out path of ctm logout)', async () => {
      await signedIn('gone');
      const before = revocations();
      const run = await ctm(['profile', 'remove', 'gone', '--revoke']);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe(
        'Removed profile "gone" and its keychain entries.\nIt was signed in: its refresh token is revoked at Cognito.\n',
      );
      expect(revocations()).toBe(before + 1);
    });

    it('--revoke that Cognito cannot carry out (503 on RevokeToken) removes nothing: the profile and its session stay, to revoke later', async () => {
      await signedIn('unrevoked');
      app.emulator.faults.fail('RevokeToken', { status: 503, times: 1 });
      const run = await ctm(['profile', 'remove', 'unrevoked', '--revoke']);
      expect(run.code).toBe(4);
      expect(run.stderr).toMatch(
        /^ctm: Nothing was removed: "unrevoked" is still signed in, because the refresh token was not revoked at the server and stays valid until it expires \(.+\)\. Try again once Cognito can be reached, or remove it without revoking: ctm profile remove unrevoked --no-revoke\n$/,
      );
      expect((await ctm(['token', 'unrevoked'])).code).toBe(0);
      const retry = await ctm(['profile', 'remove', 'unrevoked', '--revoke']);
      expect(retry.code).toBe(0);
      expect(retry.stderr).toContain('its refresh token is revoked at Cognito.');
    });

    it('--no-revoke keeps the refresh token without asking, and without the --revoke hint', async () => {
      await signedIn('script');
      const before = revocations();
      const run = await ctm(['profile', 'remove', 'script', '--no-revoke']);
      expect(run.stderr).toBe(
        'Removed profile "script" and its keychain entries.\n' +
          'It was signed in: it is signed out on this computer only, and its refresh token stays valid at Cognito until it expires.\n',
      );
      expect(revocations()).toBe(before);
    });

    it.skipIf(!HAS_SCRIPT)(
      'on a real terminal asks "Revoke its refresh token at Cognito? [y/N]": y revokes it',
      async () => {
        await signedIn('asked');
        const before = revocations();
        const prompt = '"asked" is signed in. Revoke its refresh token at Cognito? [y/N] ';
        const run = await onPty(['profile', 'remove', 'asked'], app.env, prompt, 'y\r');
        expect(run.code).toBe(0);
        expect(run.screen).toContain(prompt);
        expect(run.screen).toContain('It was signed in: its refresh token is revoked at Cognito.');
        expect(revocations()).toBe(before + 1);
      },
    );

    it.skipIf(!HAS_SCRIPT)(
      'on a real terminal, Enter (no, the default) keeps it; --revoke and --no-revoke do not ask',
      async () => {
        await signedIn('declined');
        const before = revocations();
        const declined = await onPty(['profile', 'remove', 'declined'], app.env, 'Cognito? [y/N] ', '\r');
        expect(declined.code).toBe(0);
        expect(declined.screen).toContain('its refresh token stays valid at Cognito until it expires.');
        expect(declined.screen).not.toContain('--revoke');
        expect(revocations()).toBe(before);
        await signedIn('flagged');
        const flagged = await onPty(['profile', 'remove', 'flagged', '--revoke'], app.env, '', '');
        expect(flagged.screen).not.toContain('[y/N]');
        expect(revocations()).toBe(before + 1);
        await signedIn('unasked');
        const unasked = await onPty(['profile', 'remove', 'unasked', '--no-revoke'], app.env, '', '');
        expect(unasked.screen).not.toContain('[y/N]');
        expect(revocations()).toBe(before + 1);
        expect((await ctm(['profile', 'list', '--json'])).stdout).not.toMatch(/declined|flagged|unasked/);
      },
    );

    it('says nothing of tokens for a profile that was not signed in', async () => {
      const profile = ['--user-pool-id', TEST_POOL, '--client-id', PUBLIC_CLIENT];
      expect((await ctm(['profile', 'add', 'idle', ...profile])).code).toBe(0);
      const run = await ctm(['profile', 'remove', 'idle', '--revoke']);
      expect(run).toMatchObject({ code: 0, stderr: 'Removed profile "idle" and its keychain entries.\n' });
    });
  },
);
