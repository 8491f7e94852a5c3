import type { ProfileId } from '../../../main/core/profiles/profile-id.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchTransport } from '../../../main/core/cognito/transport.ts';
import { OAuthTokenClient } from '../../../main/core/oauth/token-client.ts';
import { decodeJwtClaims } from '../../../main/core/tokens/jwt.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { totpCode } from '../../support/emulator/index.ts';
import { signInThroughHostedUi, type HostedUiLogin } from '../../support/emulator/oauth/hosted-ui-driver.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { oauthProfile, oauthSeed, PASSWORD, SECRET, TOTP_SECRET } from './oauth-seed.ts';

describe.skipIf(!HAS_KEYRING)(
  'managed login (code + PKCE) through the loopback listener (emulator over HTTP, real keyring)',
  () => {
    let app: AppFixture;
    let count = 0;
    const add = async (fields: Record<string, unknown>, secret?: string) => {
      const profile = await app.core.addProfile(
        oauthProfile(app.emulator.endpoint, {
          name: `ml${++count}`,
          authFlow: 'MANAGED_LOGIN',
          clientId: 'browserclient1',
          ...fields,
        }),
        secret,
      );
      return profile;
    };
    const signIn = async (profileId: ProfileId, login: HostedUiLogin = { username: 'alice', password: PASSWORD }) => {
      const urls: string[] = [];
      const step = await app.core.signIn(
        profileId,
        {},
        {
          open: async (url) => {
            urls.push(url);
            // The "browser" runs on its own, as the system browser would: the listener's answer ends the sign-in.
            void signInThroughHostedUi(url, login).catch(() => undefined);
          },
        },
      );
      return { step, url: new URL(urls[0] ?? '') };
    };
    beforeAll(async () => {
      app = await startAppFixture(oauthSeed());
    });
    afterAll(async () => app?.close());

    it('sends PKCE S256, state, nonce and a 127.0.0.1 loopback redirect, and stores the refresh token in the keychain', async () => {
      const profile = await add({ scopes: ['openid', 'email'] });
      const { step, url } = await signIn(profile.id);
      expect(step.kind).toBe('signed-in');
      expect(url.pathname).toBe('/oauth2/authorize');
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
      expect(url.searchParams.get('scope')).toBe('openid email');
      expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
      const stored = await app.vault.session(profile.id);
      expect(stored?.refreshToken).toBeTruthy();
      expect(decodeJwtClaims(stored?.idToken ?? '')?.nonce).toBe(url.searchParams.get('nonce'));
      expect(decodeJwtClaims(stored?.accessToken ?? '')?.scope).toBe('openid email');
    });

    it('renews with grant_type=refresh_token and keeps the refresh token', async () => {
      const profile = await add({});
      await signIn(profile.id);
      const before = await app.vault.session(profile.id);
      const renewed = await app.core.refreshNow(profile.id);
      expect(renewed.accessToken).not.toBe(before?.accessToken);
      expect(renewed.refreshToken).toBe(before?.refreshToken);
    });

    it('a cancel sent right after the sign-in started, before its listener is up, still ends it: cancelled, and the browser never opened', async () => {
      const profile = await add({});
      const opened: string[] = [];
      const signIn = app.core.signIn(profile.id, {}, { open: async (url) => void opened.push(url) });
      await app.core.cancelSignIn(profile.id);
      await expect(signIn).rejects.toThrow(/cancelled/);
      expect(opened).toEqual([]);
    });

    it('signs out through /oauth2/revoke: the refresh token no longer works and the keychain forgets the session', async () => {
      const profile = await add({});
      await signIn(profile.id);
      const refreshToken = (await app.vault.session(profile.id))?.refreshToken ?? '';
      await app.core.signOut(profile.id);
      expect(await app.vault.session(profile.id)).toBeUndefined();
      const client = new OAuthTokenClient(fetchTransport, app.emulator.endpoint, 'browserclient1');
      await expect(client.refresh(refreshToken)).rejects.toMatchObject({ error: 'invalid_grant' });
    });

    it('a confidential client authenticates with HTTP Basic, the secret read from the keychain', async () => {
      const profile = await add({ clientId: 'webclient1' }, SECRET);
      expect((await signIn(profile.id)).step.kind).toBe('signed-in');
      expect((await app.core.refreshNow(profile.id)).accessToken).toBeTruthy();
    });

    it('passes the TOTP step of the login page', async () => {
      const profile = await add({});
      const { step } = await signIn(profile.id, {
        username: 'bob',
        password: PASSWORD,
        totp: () => totpCode(TOTP_SECRET, app.emulator.now()),
      });
      expect(step.kind).toBe('signed-in');
    });

    it('goes straight to an identity provider with identity_provider', async () => {
      const profile = await add({ identityProvider: 'CorpSSO' });
      const { url } = await signIn(profile.id);
      expect(url.searchParams.get('identity_provider')).toBe('CorpSSO');
    });

    it('an authorization error comes back as a clear failure and stores nothing', async () => {
      const profile = await add({ scopes: ['orders-api/read'] });
      await expect(signIn(profile.id)).rejects.toThrow(/invalid_scope/);
      expect(await app.vault.session(profile.id)).toBeUndefined();
    });
  },
);
