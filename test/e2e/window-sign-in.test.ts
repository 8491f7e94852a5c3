import { profileRef } from '../../main/core/profiles/profile-id.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, createIpcHandlers } from '../../main/ipc/handlers.ts';
import { registerHandlers } from '../../main/ipc/register-handlers.ts';
import { startAppFixture, type AppFixture } from '../support/app-fixture.ts';
import { HAS_CHROMIUM, launchChromium } from '../support/browser.ts';
import { installPreload, StandInIpcMain } from '../support/electron-standin/preload-in-page.ts';
import { privatePage } from '../support/electron-standin/window-harness.ts';
import { RecordingClipboard } from '../support/recording-clipboard.ts';
import { pngSize, screenshot } from '../support/screenshots.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../support/seeds-inline.ts';
import { HAS_KEYRING } from '../support/system-components.ts';

describe.skipIf(!HAS_CHROMIUM || !HAS_KEYRING)(
  'the window in real Chromium, through the built preload and the real main-process handlers (Electron stood in)',
  () => {
    let app: AppFixture;
    let browser: Browser;
    let page: Page;
    const clipboard = new RecordingClipboard();
    const pageErrors: string[] = [];
    const resultsSeenByPage: string[] = [];

    let PAGE: string;

    beforeAll(async () => {
      PAGE = privatePage();
      app = await startAppFixture(skeletonSeed());
      const ipcMain = new StandInIpcMain();
      const handlers = createIpcHandlers(createApi(app.core, clipboard));
      const recorded = Object.fromEntries(
        Object.entries(handlers).map(([name, handler]) => [
          name,
          async (...args: unknown[]) => {
            const result = await handler(...args);
            resultsSeenByPage.push(JSON.stringify(result));
            return result;
          },
        ]),
      ) as typeof handlers;
      registerHandlers(ipcMain, recorded, (url) => url === PAGE);
      browser = await launchChromium();
      page = await browser.newPage({ colorScheme: 'light', viewport: { width: 1100, height: 520 } });
      page.setDefaultTimeout(5000);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(message.text());
      });
      await installPreload(page, ipcMain);
      await page.goto(PAGE);
    });
    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    it('shows the empty state that teaches how to add a profile', async () => {
      await expect.poll(() => page.getByTestId('empty-state').isVisible()).toBe(true);
      expect(await page.getByTestId('empty-state').textContent()).toMatch(/Add your first Cognito profile/);
      // Its three ways in: add, import, or the demo (whose command it shows).
      for (const name of ['Add a profile', 'Import a file\u2026', 'Try the demo'])
        expect(await page.getByTestId('empty-state').getByRole('button', { name }).count()).toBe(1);
      await page.getByRole('button', { name: 'Try the demo' }).click();
      expect(await page.getByTestId('demo-command').textContent()).toBe('npm run demo');
    });

    it('adds a profile through the dialog', async () => {
      await page.getByRole('button', { name: 'Add profile' }).click();
      await page.getByLabel('Name', { exact: true }).fill('dev-api');
      await page.getByLabel('Region').fill('us-east-1');
      await page.getByLabel('User pool id').fill(TEST_POOL);
      await page.getByLabel('App client id').fill(PUBLIC_CLIENT);
      await page.getByLabel('Username (optional)').fill('alice');
      await page.getByLabel('Auth flow').selectOption('USER_PASSWORD_AUTH');
      await page.getByLabel('Custom endpoint (optional)').fill(app.emulator.endpoint);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.locator('li[data-profile="dev-api"]').count()).toBe(1);
      expect(await page.locator('li[data-profile="dev-api"] [data-testid=state]').textContent()).toBe('Signed out');
    });

    it('shows field errors as the user types, and an error from main, keeping what was typed', async () => {
      await page.getByRole('button', { name: 'Add profile' }).click();
      await page.getByLabel('Name', { exact: true }).fill('dev-api');
      await page.getByLabel('Region').fill('us-east-1');
      await page.getByLabel('User pool id').fill('local_abc123');
      await page.getByLabel('App client id').fill('client');
      expect(await page.locator('#profile-userPoolId-error').textContent()).toMatch(
        /Expected <region>_<id>.*other shapes need a custom endpoint/,
      );
      await page.getByRole('button', { name: 'Save' }).click();
      expect(await page.getByLabel('User pool id').getAttribute('aria-invalid')).toBe('true');
      await page.getByLabel('User pool id').fill(TEST_POOL);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toMatch(/A profile named "dev-api" already exists/);
      expect(await page.getByLabel('App client id').inputValue()).toBe('client');
      await page.getByRole('button', { name: 'Cancel' }).click();
    });

    it('signs in with a password and shows the profile signed in with its time left', async () => {
      await page.getByRole('button', { name: 'Sign in to dev-api' }).click();
      await page.getByLabel('Password', { exact: true }).fill(ALICE_PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const row = page.locator('li[data-profile="dev-api"]');
      await expect.poll(() => row.locator('[data-testid=state]').textContent()).toBe('Signed in');
      expect(await row.locator('[data-testid=time-left]').textContent()).toMatch(/^(59|60) min|^1 h 0 min/);
      // The README's pictures, light and dark (written by `npm run screenshots` only).
      expect(pngSize(await screenshot(page, 'window-light.png'))).toEqual({ width: 1100, height: 520 });
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(pngSize(await screenshot(page, 'window-dark.png'))).toEqual({ width: 1100, height: 520 });
      await page.emulateMedia({ colorScheme: 'light' });
    });

    it('shows a refused password in the dialog, which names its profile and user', async () => {
      // Signed in, the row leads with Copy: signing in again is in the More menu.
      await page.getByRole('button', { name: 'More actions for dev-api' }).click();
      await page.getByRole('menuitem', { name: 'Sign in again…' }).click();
      expect(await page.getByTestId('dialog-profile').textContent()).toBe('dev-api \u00B7 alice');
      await page.getByLabel('Password', { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Incorrect username or password/);
      await page.getByRole('button', { name: 'Cancel' }).click();
    });

    it('copies the access token in main, and no token ever reaches the page', async () => {
      await page.getByRole('button', { name: 'Copy access token of dev-api' }).click();
      await expect.poll(() => clipboard.copies.length).toBe(1);
      const id = (await app.core.resolveProfile(profileRef('dev-api'))).id;
      const session = await app.vault.session(id);
      expect(clipboard.copies[0]).toBe(session?.accessToken);
      const seen = resultsSeenByPage.join('\n');
      for (const secret of [session!.accessToken, session!.refreshToken!, session!.idToken!, ALICE_PASSWORD])
        expect(seen).not.toContain(secret);
      expect(await page.content()).not.toContain(session!.accessToken);
    });

    it('refuses calls from a page that is not the app', async () => {
      const other = await browser.newPage();
      const ipcMain = new StandInIpcMain();
      registerHandlers(ipcMain, createIpcHandlers(createApi(app.core, clipboard)), (url) => url === PAGE);
      await installPreload(other, ipcMain);
      await other.goto('about:blank');
      const answer = await other.evaluate(() =>
        (globalThis as unknown as { api: { listProfiles(): Promise<unknown> } }).api.listProfiles(),
      );
      expect(answer).toEqual({ ok: false, error: { code: 'forbidden', message: 'This page may not use the app.' } });
      await other.close();
    });

    it('ran without page errors (CSP, preload, script)', () => {
      expect(pageErrors).toEqual([]);
    });
  },
);
