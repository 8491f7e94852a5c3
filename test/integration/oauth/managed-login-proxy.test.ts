import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { signInThroughHostedUi } from '../../support/emulator/oauth/hosted-ui-driver.ts';
import { ctmLoginNoBrowser } from '../../support/ctm-login-no-browser.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { HAS_TINYPROXY, startTinyproxy, type Tinyproxy } from '../../support/tinyproxy.ts';
import { oauthProfile, oauthSeed, PASSWORD, POOL } from './oauth-seed.ts';

describe.skipIf(!HAS_KEYRING || !HAS_TINYPROXY)(
  'ctm login (managed login) through HTTP_PROXY: the pool\u2019s JWKS too (real tinyproxy, emulator, real keyring, child process)',
  () => {
    let app: AppFixture;
    let proxy: Tinyproxy;
    beforeAll(async () => {
      [app, proxy] = await Promise.all([startAppFixture(oauthSeed()), startTinyproxy()]);
    });
    afterAll(async () => {
      await proxy?.stop();
      await app?.close();
    });

    it('fetches the JWKS that checks the ID token\u2019s signature through the proxy, as it does the token exchange', async () => {
      await app.core.addProfile(
        oauthProfile(app.emulator.endpoint, { name: 'sso', authFlow: 'MANAGED_LOGIN', clientId: 'browserclient1' }),
      );
      const env = { ...app.env, HTTP_PROXY: proxy.url };
      const login = ctmLoginNoBrowser('sso', env);
      const url = await login.url;
      // The person's browser talks to the pool directly; only ctm's own requests are meant to use the proxy.
      void signInThroughHostedUi(url, { username: 'alice', password: PASSWORD }).catch(() => undefined);
      expect(await login.done).toMatchObject({ code: 0, stderr: expect.stringContaining('Signed in to "sso"') });
      expect(proxy.log()).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/oauth2\/token/);
      expect(proxy.log()).toMatch(new RegExp(`GET http://127\\.0\\.0\\.1:\\d+/${POOL}/\\.well-known/jwks\\.json`));
    });
  },
);
