import { profileRef } from '../../main/core/profiles/profile-id.ts';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwtClaims } from '../../main/core/tokens/jwt.ts';
import { startAppFixture, type AppFixture } from '../support/app-fixture.ts';
import { HAS_CHROMIUM, launchChromium } from '../support/browser.ts';
import { ctmLoginNoBrowser } from '../support/ctm-login-no-browser.ts';
import { runCtm } from '../support/run-ctm.ts';
import { filesContaining } from '../support/secret-scan.ts';
import { HAS_KEYRING } from '../support/system-components.ts';
import { oauthProfile, oauthSeed, PASSWORD, POOL } from '../integration/oauth/oauth-seed.ts';

// Managed login end to end in real Chromium: the browser opens the URL the app produced, a person's typing is
// played on the hosted UI's form, and the browser's redirect reaches the app's loopback listener.
describe.skipIf(!HAS_KEYRING || !HAS_CHROMIUM)(
  'managed login in real Chromium (emulator hosted UI, loopback listener, real keyring)',
  () => {
    let app: AppFixture;
    let browser: Browser;
    beforeAll(async () => {
      app = await startAppFixture(oauthSeed());
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    it('the app signs in from the callback Chromium delivers', async () => {
      const profile = await app.core.addProfile(
        oauthProfile(app.emulator.endpoint, {
          name: 'sso',
          authFlow: 'MANAGED_LOGIN',
          clientId: 'browserclient1',
          scopes: ['openid', 'email'],
        }),
      );
      const page = await browser.newPage();
      const step = await app.core.signIn(
        profile.id,
        {},
        {
          open: async (url) => {
            await page.goto(url);
            await page.fill('input[name="username"]', 'alice');
            await page.fill('input[name="password"]', PASSWORD);
            void page.click('input[name="signInSubmitButton"]');
          },
        },
      );
      expect(step.kind).toBe('signed-in');
      await page.getByText('Signed in.').waitFor();
      expect(new URL(page.url()).hostname).toBe('127.0.0.1');
      const session = await app.vault.session(profile.id);
      expect(decodeJwtClaims(session?.idToken ?? '')?.email).toBe('alice@example.com');
      expect(session?.refreshToken).toBeTruthy();
    });

    it('ctm login opens $BROWSER (a Chromium driver script), waits for the callback and stores the session', async () => {
      const env = {
        ...app.env,
        BROWSER: `${process.execPath} ${join(process.cwd(), 'test/support/emulator/oauth/chromium-login.ts')}`,
        HOSTED_UI_USERNAME: 'alice',
        HOSTED_UI_PASSWORD: PASSWORD,
      };
      const add = await runCtm(
        [
          'profile',
          'add',
          'cli-sso',
          '--user-pool-id',
          POOL,
          '--client-id',
          'browserclient1',
          '--auth-flow',
          'MANAGED_LOGIN',
          '--domain',
          app.emulator.endpoint,
          '--endpoint',
          app.emulator.endpoint,
          '--scope',
          'openid',
          '--scope',
          'email',
        ],
        env,
      );
      expect(add.code).toBe(0);
      const login = await runCtm(['login', 'cli-sso'], env);
      expect(login.stderr).toContain('Opened the browser');
      expect(login.code).toBe(0);
      const token = await runCtm(['token', 'cli-sso', '--type', 'id'], env);
      expect(decodeJwtClaims(token.stdout.trim())).toMatchObject({
        'cognito:username': 'alice',
        aud: 'browserclient1',
      });
      // The refresh token lives in the keychain only: no file of the config folder or the keyring's home holds it in clear.
      const session = await app.vault.session((await app.core.resolveProfile(profileRef('cli-sso'))).id);
      expect(session?.refreshToken).toBeTruthy();
      const secrets = {
        'refresh token': session?.refreshToken ?? '',
        'ID token': token.stdout.trim(),
        password: PASSWORD,
      };
      expect([
        ...filesContaining(app.configDir, secrets),
        ...filesContaining(app.keyring.home, secrets),
        ...filesContaining(app.keyring.daemonHome, secrets),
      ]).toEqual([]);
    });

    it('ctm login --no-browser prints the URL and waits for it to be opened elsewhere', async () => {
      const env = { ...app.env, BROWSER: 'false-browser-that-must-not-run' };
      await runCtm(
        [
          'profile',
          'add',
          'printed',
          '--user-pool-id',
          POOL,
          '--client-id',
          'browserclient1',
          '--auth-flow',
          'MANAGED_LOGIN',
          '--domain',
          app.emulator.endpoint,
          '--endpoint',
          app.emulator.endpoint,
        ],
        env,
      );
      const page = await browser.newPage();
      const login = ctmLoginNoBrowser('printed', env);
      const url = await login.url;
      await page.goto(url);
      await page.fill('input[name="username"]', 'alice');
      await page.fill('input[name="password"]', PASSWORD);
      await page.click('input[name="signInSubmitButton"]');
      const { code, stderr } = await login.done;
      expect(code).toBe(0);
      expect(stderr).toContain('Open this URL in a browser');
      expect(stderr).toContain('Signed in to "printed"');
    });
  },
);
