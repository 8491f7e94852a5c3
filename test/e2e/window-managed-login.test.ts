import { profileRef } from '../../main/core/profiles/profile-id.ts';
import { connect } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, createIpcHandlers } from '../../main/ipc/handlers.ts';
import { registerHandlers } from '../../main/ipc/register-handlers.ts';
import { startAppFixture, type AppFixture } from '../support/app-fixture.ts';
import { HAS_CHROMIUM, launchChromium } from '../support/browser.ts';
import { installPreload, StandInIpcMain } from '../support/electron-standin/preload-in-page.ts';
import { privatePage } from '../support/electron-standin/window-harness.ts';
import { RecordingClipboard } from '../support/recording-clipboard.ts';
import { HAS_KEYRING } from '../support/system-components.ts';
import { oauthSeed, PASSWORD, POOL, SECRET } from '../integration/oauth/oauth-seed.ts';

// The window's profile form offers the OAuth kinds; "Sign in" on a managed-login profile opens the system browser
// (Electron's shell.openExternal, stood in by a second Chromium page that a person's typing is played on).
describe.skipIf(!HAS_CHROMIUM || !HAS_KEYRING)(
  'managed login and client credentials from the window (real Chromium, real handlers, Electron stood in)',
  () => {
    let app: AppFixture;
    let browser: Browser;
    let page: Page;
    const opened: string[] = [];
    /** False: the "system browser" only records the URL, as when the person walks away from the sign-in page. */
    let completeInBrowser = true;
    const clipboard = new RecordingClipboard();

    beforeAll(async () => {
      const PAGE = privatePage();
      app = await startAppFixture(oauthSeed());
      browser = await launchChromium();
      const openExternal = async (url: string): Promise<void> => {
        opened.push(url);
        if (!completeInBrowser) return;
        const systemBrowser = await browser.newPage();
        await systemBrowser.goto(url);
        await systemBrowser.fill('input[name="username"]', 'alice');
        await systemBrowser.fill('input[name="password"]', PASSWORD);
        void systemBrowser.click('input[name="signInSubmitButton"]');
      };
      const ipcMain = new StandInIpcMain();
      registerHandlers(
        ipcMain,
        createIpcHandlers(createApi(app.core, clipboard, { openExternal })),
        (url) => url === PAGE,
      );
      page = await browser.newPage();
      page.setDefaultTimeout(10_000);
      await installPreload(page, ipcMain);
      await page.goto(PAGE);
    });
    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    const addProfile = async (name: string, flow: string, clientId: string, extra: (p: Page) => Promise<void>) => {
      await page.getByRole('button', { name: 'Add profile' }).click();
      expect(await page.getByTestId('oauth-fields').isVisible()).toBe(false);
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Region').fill('us-east-1');
      await page.getByLabel('User pool id').fill(POOL);
      await page.getByLabel('App client id').fill(clientId);
      await page.getByLabel('Auth flow').selectOption(flow);
      expect(await page.getByTestId('oauth-fields').isVisible()).toBe(true);
      await page.getByLabel('Domain').fill(app.emulator.endpoint.replace(/\/$/, ''));
      await page.getByLabel('Custom endpoint (optional)').fill(app.emulator.endpoint);
      await extra(page);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.locator(`li[data-profile="${name}"]`).count()).toBe(1);
    };

    it('adds a MANAGED_LOGIN profile with scopes, and Sign in completes in the system browser', async () => {
      await addProfile('sso', 'MANAGED_LOGIN', 'browserclient1', (p) =>
        p.getByLabel('Scopes (space-separated, optional)').fill('openid email'),
      );
      const profile = await app.core.resolveProfile(profileRef('sso'));
      expect(profile).toMatchObject({ authFlow: 'MANAGED_LOGIN', scopes: ['openid', 'email'] });
      await page.getByRole('button', { name: 'Sign in to sso' }).click();
      await expect
        .poll(() => page.getByTestId('oauth-sign-in-status').textContent())
        .toMatch(/Continue in your browser/);
      await expect
        .poll(() => page.locator('li[data-profile="sso"] [data-testid=state]').textContent(), { timeout: 10_000 })
        .toBe('Signed in');
      expect(new URL(opened[0] ?? '').pathname).toBe('/oauth2/authorize');
      expect((await app.vault.session(profile.id))?.refreshToken).toBeTruthy();
    });

    it('adds a CLIENT_CREDENTIALS profile (secret to the keychain) and copies its token from main', async () => {
      await addProfile('machine', 'CLIENT_CREDENTIALS', 'machineclient1', (p) =>
        p.getByLabel(/Client secret/).fill(SECRET),
      );
      // Machine to machine: no person signs in, so the row asks for a token; and it has no ID token to offer.
      await page.getByRole('button', { name: 'Get a token for machine' }).click();
      await expect
        .poll(() => page.locator('li[data-profile="machine"] [data-testid=state]').textContent(), { timeout: 10_000 })
        .toBe('Signed in');
      await page.getByRole('button', { name: 'Copy formats for machine' }).click();
      expect(
        await page
          .locator('#copy-menu')
          .getByRole('menuitem', { name: /ID token/ })
          .count(),
      ).toBe(0);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Copy access token of machine' }).click();
      await expect.poll(() => clipboard.copies.length).toBe(1);
      expect(JSON.parse(Buffer.from(clipboard.copies[0]?.split('.')[1] ?? '', 'base64url').toString()).client_id).toBe(
        'machineclient1',
      );
    });

    it('Cancel while the browser is out closes the loopback listener at once (the port refuses connections), instead of main waiting 5 minutes', async () => {
      completeInBrowser = false;
      const before = opened.length;
      await page.getByRole('button', { name: 'More actions for sso' }).click();
      await page.getByRole('menuitem', { name: 'Sign in again…' }).click();
      await expect.poll(() => opened.length).toBe(before + 1);
      const redirect = new URL(new URL(opened.at(-1) ?? '').searchParams.get('redirect_uri') ?? '');
      const connects = () =>
        new Promise<string>((resolve) => {
          const socket = connect(Number(redirect.port), '127.0.0.1');
          socket.once('connect', () => {
            socket.destroy();
            resolve('connected');
          });
          socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
        });
      expect(await connects()).toBe('connected'); // main is waiting for the browser
      await page.locator('#sign-in-dialog').getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(connects).toBe('ECONNREFUSED');
      expect(await page.locator('#sign-in-dialog').evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(
        false,
      );
      completeInBrowser = true;
    });

    it('refuses a managed-login profile without a domain in the form itself', async () => {
      await page.getByRole('button', { name: 'Add profile' }).click();
      await page.getByLabel('Auth flow').selectOption('MANAGED_LOGIN');
      await page.getByLabel('Domain').fill('http://auth.example.com/path');
      await page.getByRole('button', { name: 'Save' }).click();
      expect(await page.locator('#profile-domain-error').textContent()).toMatch(/custom https domain/);
      await page.getByRole('button', { name: 'Cancel' }).click();
    });
  },
);
