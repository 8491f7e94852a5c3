import { idOf } from '../support/profile-ids.ts';
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../support/browser.ts';
import type { Seed } from '../support/emulator/index.ts';
import { openWindow, type WindowHarness } from '../support/electron-standin/window-harness.ts';
import { HAS_KEYRING } from '../support/system-components.ts';

const SEED = JSON.parse(readFileSync('test/support/seeds/emulator-full.json', 'utf8')) as Seed;
const POOL = 'us-east-1_Example1';
const PASSWORD = 'Correct-Horse-1';
/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: the rules axe-core tags so (https://github.com/dequelabs/axe-core/blob/develop/doc/API.md#axe-core-tags). */
const AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Every violation axe-core finds on the page as it is now, as "rule: target" lines (empty when clean). */
async function violations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself: the harness's page has its own context (browser.newPage), in which
  // AxeBuilder's default cannot open the blank page it merges frame results in; the window has no frames to merge.
  // No preload: axe would fetch the stylesheet, which the page's CSP (connect-src 'none') rightly refuses.
  const result = await new AxeBuilder({ page }).withTags(AA).options({ preload: false }).setLegacyMode(true).analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? v.help})`),
  );
}

describe.skipIf(!HAS_CHROMIUM || !HAS_KEYRING)(
  'every screen of the window passes axe-core at WCAG 2.2 AA, light and dark, wide and 700 px (real Chromium, Electron stood in)',
  () => {
    let w: WindowHarness;
    let page: Page;
    const themes = ['light', 'dark'] as const;
    /** Checks the screen as it stands in both themes; `label` names it in the failure. */
    const checkBothThemes = async (label: string): Promise<void> => {
      for (const colorScheme of themes) {
        await page.emulateMedia({ colorScheme });
        expect({ screen: `${label} (${colorScheme})`, violations: await violations(page) }).toEqual({
          screen: `${label} (${colorScheme})`,
          violations: [],
        });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    };
    const closeDialog = async (id: string): Promise<void> => {
      // Some dialogs open after an IPC answer (Settings reads the settings first): Escape only once it is open.
      await expect.poll(() => page.locator(id).evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator(id).evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(false);
    };

    beforeAll(async () => {
      w = await openWindow(SEED);
      page = w.page;
    });
    afterAll(async () => {
      await w?.close();
    });

    it('the first-run screen', async () => {
      await page.getByTestId('empty-state').waitFor();
      await page.getByRole('button', { name: 'Try the demo' }).click();
      await checkBothThemes('first run');
    });

    it('the list: signed in, signed out, in error with a valid token, machine to machine, custom endpoint, prod; a detail pane open', async () => {
      const core = w.app.core;
      const add = (name: string, fields: Record<string, unknown>) =>
        core.addProfile({
          name,
          region: 'us-east-1',
          userPoolId: POOL,
          clientId: 'publicclient1',
          endpoint: w.app.emulator.endpoint,
          ...fields,
        });
      await add('orders-dev', { username: 'alice', authFlow: 'USER_PASSWORD_AUTH' });
      await add('orders-prod', {
        username: 'alice',
        authFlow: 'USER_PASSWORD_AUTH',
        environment: 'prod',
        pinned: true,
      });
      await add('billing-staging', { username: 'alice' });
      await add('qa-tools', { username: 'alice', environment: 'qa', environmentColour: 'purple' });
      await core.signIn(await idOf(core, 'orders-dev'), { password: PASSWORD });
      await core.signIn(await idOf(core, 'orders-prod'), { password: PASSWORD });
      await page.reload();
      await page.locator('li[data-profile="orders-prod"]').waitFor();
      await page.getByRole('button', { name: 'orders-dev details' }).click();
      await checkBothThemes('profile list');
      await page.setViewportSize({ width: 700, height: 640 });
      await checkBothThemes('profile list at 700 px');
      await page.setViewportSize({ width: 1100, height: 640 });
    });

    it('the More menu and the Copy formats menu', async () => {
      await page.getByRole('button', { name: 'More actions for orders-dev' }).click();
      await checkBothThemes('More menu');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Copy formats for orders-dev' }).click();
      await checkBothThemes('Copy menu');
      await page.keyboard.press('Escape');
    });

    it('the toast after a copy, with its countdown and Clear now', async () => {
      await page.getByRole('button', { name: 'Copy access token of orders-dev' }).click();
      await page.getByTestId('clear-countdown').waitFor();
      await checkBothThemes('copy toast');
    });

    it('the Add profile and Edit dialogs, with a field error showing', async () => {
      await page.getByRole('button', { name: 'Add profile', exact: true }).click();
      await page.locator('#profile-dialog').getByLabel('User pool id').fill('not a pool');
      await checkBothThemes('Add profile');
      await closeDialog('#profile-dialog');
      await page.getByRole('button', { name: 'More actions for qa-tools' }).click();
      await page.getByRole('menuitem', { name: 'Edit…' }).click();
      await checkBothThemes('Edit profile');
      // A note that does not block (what a flow leaves out) in its own colour.
      const form = page.locator('#profile-dialog');
      await form.getByLabel('Auth flow').selectOption('MANAGED_LOGIN');
      await form.getByLabel('Domain').fill('https://qa.auth.us-east-1.amazoncognito.com');
      await form.getByLabel('Auth flow').selectOption('USER_SRP_AUTH');
      await expect.poll(() => form.locator('#profile-authFlow-note').textContent()).toMatch(/^Domain: not used/);
      await checkBothThemes('Edit profile with a note');
      await closeDialog('#profile-dialog');
    });

    it('the Delete dialog of a signed-in profile, offering to revoke its refresh token', async () => {
      await page.getByRole('button', { name: 'More actions for orders-dev' }).click();
      await page.getByRole('menuitem', { name: 'Delete…' }).click();
      await checkBothThemes('Delete signed-in profile');
      await closeDialog('#remove-dialog');
      await page.locator('li[data-profile="orders-dev"]').waitFor();
    });

    it('the sign-in dialog, its refusal, and a challenge step (MFA set-up with its QR code)', async () => {
      await page.getByRole('button', { name: 'Sign in to billing-staging' }).click();
      await checkBothThemes('Sign in');
      await page.getByLabel('Password', { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.locator('#sign-in-dialog').getByRole('alert').waitFor();
      await checkBothThemes('Sign in refused');
      await closeDialog('#sign-in-dialog');
      await w.app.core.addProfile({
        name: 'setup-dev',
        region: 'us-east-1',
        userPoolId: POOL,
        clientId: 'publicclient1',
        endpoint: w.app.emulator.endpoint,
        username: 'setupuser',
        authFlow: 'USER_PASSWORD_AUTH',
      });
      await page.reload();
      await page.getByRole('button', { name: 'Sign in to setup-dev' }).click();
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByTestId('totp-qr').waitFor();
      await checkBothThemes('MFA set-up');
      await closeDialog('#sign-in-dialog');
    });

    it('the token inspector, Settings and the quick-copy palette', async () => {
      await page.getByRole('button', { name: 'More actions for orders-dev' }).click();
      await page.getByRole('menuitem', { name: 'Inspect token' }).click();
      await page.getByTestId('signature').waitFor();
      await checkBothThemes('Inspector');
      await closeDialog('#inspect-dialog');
      await page.getByRole('button', { name: 'Settings' }).click();
      await checkBothThemes('Settings');
      await closeDialog('#settings-dialog');
      await page.keyboard.press('Control+k');
      await page.keyboard.type('orders');
      await checkBothThemes('Quick copy');
      await closeDialog('#quick-copy');
    });

    it('fit and finish: Save in view, checkboxes beside their labels, examples that read as examples, raised dark dialogs, the inspector at its top', async () => {
      const box = (selector: string) => page.locator(selector).first().boundingBox();
      for (const width of [1100, 700]) {
        await page.setViewportSize({ width, height: 640 });
        await page.getByRole('button', { name: 'Add profile', exact: true }).click();
        // Polled: the dialog lays out after the viewport change.
        await expect
          .poll(async () => {
            const save = await page.locator('#profile-dialog').getByRole('button', { name: 'Save' }).boundingBox();
            return save !== null && save.y + save.height <= 640;
          })
          .toBe(true);
        expect(
          await page.locator('#profile-dialog').getByLabel('Name', { exact: true }).getAttribute('placeholder'),
        ).toBe('e.g. dev-api');
        // The box sits at the start of its label's line, not centred above it.
        await expect
          .poll(async () => {
            const tick = await box('#profile-dialog input[name="fips"]');
            const words = await page.locator('#profile-dialog label.check').first().boundingBox();
            return tick !== null && words !== null && Math.abs(tick.x - words.x) < 2 && tick.y < words.y + 24;
          })
          .toBe(true);
        await closeDialog('#profile-dialog');
      }
      await page.setViewportSize({ width: 1100, height: 640 });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.getByRole('button', { name: 'Settings' }).click();
      const colours = (await page.evaluate(
        `[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.getElementById('settings-dialog')).backgroundColor]`,
      )) as string[];
      expect(colours[0]).not.toBe(colours[1]);
      await closeDialog('#settings-dialog');
      await page.emulateMedia({ colorScheme: 'light' });
      await page.getByRole('button', { name: 'More actions for orders-dev' }).click();
      await page.getByRole('menuitem', { name: 'Inspect token' }).click();
      await page.getByTestId('signature').waitFor();
      expect(
        await page.locator('#inspect-dialog').evaluate((d) => (d as unknown as { scrollTop: number }).scrollTop),
      ).toBe(0);
      expect(await page.getByTestId('signature').isVisible()).toBe(true);
      await closeDialog('#inspect-dialog');
    });

    it('ran without page errors', () => {
      expect(w.pageErrors).toEqual([]);
    });
  },
);
