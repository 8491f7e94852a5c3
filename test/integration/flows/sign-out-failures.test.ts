import { idOf } from '../../support/profile-ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoServiceError } from '../../../main/core/cognito/cognito-errors.ts';
import { classifyRefreshFailure } from '../../../main/core/scheduler/refresh-failure.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { flowsSeed, mainPool, PASSWORD } from './flows-seed.ts';

describe.skipIf(!HAS_KEYRING)(
  'sign-out when the server cannot revoke, and refresh when a Lambda trigger fails (emulator, real keyring)',
  () => {
    let app: AppFixture;
    const signedIn = async (name: string, clientId = 'publicclient1') => {
      const profile = await app.core.addProfile(
        mainPool(app.emulator.endpoint, { name, clientId, username: 'alice', authFlow: 'USER_PASSWORD_AUTH' }),
      );
      await app.core.signIn(await idOf(app.core, name), { password: PASSWORD });
      return profile;
    };
    beforeAll(async () => {
      app = await startAppFixture(flowsSeed());
    });
    afterAll(async () => app?.close());

    it('a client with token revocation off (UnsupportedOperationException): the session is forgotten and the result says the token was not revoked', async () => {
      const profile = await signedIn('no-revoke', 'norevokeclient1');
      const result = await app.core.signOut(await idOf(app.core, 'no-revoke'));
      expect(result).toEqual({
        revoked: false,
        warning: expect.stringMatching(/not revoked at the server.*revocation is not enabled for this app client/),
      });
      expect(await app.vault.session(profile.id)).toBeUndefined();
    });

    it('an unreachable server (503 on RevokeToken): the session is forgotten all the same, with the warning', async () => {
      const profile = await signedIn('offline');
      app.emulator.faults.fail('RevokeToken', { status: 503, times: 1 });
      const result = await app.core.signOut(await idOf(app.core, 'offline'));
      expect(result.revoked).toBe(false);
      expect(result.warning).toMatch(/not revoked at the server.*ServiceUnavailable/);
      expect(await app.vault.session(profile.id)).toBeUndefined();
    });

    it('ctm logout on a client with revocation off: exit 0, a warning on stderr, and `ctm token` then asks for a sign-in', async () => {
      await signedIn('cli-no-revoke', 'norevokeclient1');
      const logout = await runCtm(['logout', 'cli-no-revoke'], app.env);
      expect(logout).toMatchObject({ code: 0, stdout: '' });
      expect(logout.stderr).toMatch(
        /^Warning: Signed out on this computer, but the refresh token was not revoked at the server/,
      );
      expect(await runCtm(['token', 'cli-no-revoke'], app.env)).toMatchObject({
        code: 3,
        stderr: expect.stringMatching(/not signed in/),
      });
    });

    it('a revocation that works says nothing more: revoked, no warning', async () => {
      await signedIn('normal');
      expect(await app.core.signOut(await idOf(app.core, 'normal'))).toEqual({ revoked: true });
    });

    it('UnexpectedLambdaException on refresh keeps the session and counts as transient (the scheduler backs off, not stops)', async () => {
      const profile = await signedIn('lambda');
      const before = await app.vault.session(profile.id);
      app.emulator.faults.lambdaFailure('GetTokensFromRefreshToken', { times: 1 });
      const error = await app.core.refreshNow(await idOf(app.core, 'lambda')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CognitoServiceError);
      expect(classifyRefreshFailure(error)).toBe('transient');
      expect((await app.vault.session(profile.id))?.refreshToken).toBe(before?.refreshToken);
      expect((await app.core.refreshNow(await idOf(app.core, 'lambda'))).accessToken).not.toBe(before?.accessToken);
    });
  },
);
