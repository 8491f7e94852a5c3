import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchTransport } from '../../../main/core/cognito/transport.ts';
import { OAuthTokenClient } from '../../../main/core/oauth/token-client.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { signInThroughHostedUi } from '../../support/emulator/oauth/hosted-ui-driver.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { oauthProfile, oauthSeed, PASSWORD } from './oauth-seed.ts';

/** The OAuth pool, plus a managed-login client with token revocation off (EnableTokenRevocation false). */
function seed(): ReturnType<typeof oauthSeed> {
  const value = oauthSeed();
  value.pools[0]!.clients.push({
    id: 'norevokebrowser1',
    enableTokenRevocation: false,
    oauth: {
      callbackUrls: ['http://127.0.0.1/callback'],
      allowedOAuthFlows: ['code'],
      allowedOAuthScopes: ['openid', 'email'],
    },
  });
  return value;
}

describe.skipIf(!HAS_KEYRING)(
  'managed login on an app client with token revocation off: /oauth2/revoke refuses, ctm logout forgets the session locally (emulator over HTTP, real keyring)',
  () => {
    let app: AppFixture;
    beforeAll(async () => {
      app = await startAppFixture(seed());
    });
    afterAll(async () => app?.close());

    it('the emulator\u2019s /oauth2/revoke answers HTTP 400 {"error":"invalid_request"} for such a client, and the token keeps working', async () => {
      const profile = await app.core.addProfile(
        oauthProfile(app.emulator.endpoint, {
          name: 'direct',
          authFlow: 'MANAGED_LOGIN',
          clientId: 'norevokebrowser1',
        }),
      );
      await app.core.signIn(
        profile.id,
        {},
        {
          open: async (url) =>
            void signInThroughHostedUi(url, { username: 'alice', password: PASSWORD }).catch(() => undefined),
        },
      );
      const refreshToken = (await app.vault.session(profile.id))?.refreshToken ?? '';
      const answer = await fetch(`${app.emulator.endpoint.replace(/\/$/, '')}/oauth2/revoke`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: refreshToken, client_id: 'norevokebrowser1' }),
      });
      expect(answer.status).toBe(400);
      expect(await answer.json()).toEqual({ error: 'invalid_request' });
      const client = new OAuthTokenClient(fetchTransport, app.emulator.endpoint, 'norevokebrowser1');
      expect((await client.refresh(refreshToken)).access_token).toBeTruthy();
    });

    it('ctm logout: exit 0, a warning that the token was not revoked because revocation is off, and the keychain forgets the session', async () => {
      const profile = await app.core.addProfile(
        oauthProfile(app.emulator.endpoint, {
          name: 'no-revoke',
          authFlow: 'MANAGED_LOGIN',
          clientId: 'norevokebrowser1',
        }),
      );
      await app.core.signIn(
        profile.id,
        {},
        {
          open: async (url) =>
            void signInThroughHostedUi(url, { username: 'alice', password: PASSWORD }).catch(() => undefined),
        },
      );
      const refreshToken = (await app.vault.session(profile.id))?.refreshToken ?? '';
      const logout = await runCtm(['logout', 'no-revoke'], app.env);
      expect(logout).toMatchObject({ code: 0, stdout: '' });
      expect(logout.stderr).toMatch(
        /^Warning: Signed out on this computer, but the refresh token was not revoked at the server.*token revocation is not enabled for this app client/,
      );
      expect(logout.stderr).not.toContain(refreshToken);
      expect(await app.vault.session(profile.id)).toBeUndefined();
    });
  },
);
