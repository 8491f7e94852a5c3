import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../support/browser.ts';
import { openWindow, type WindowHarness } from '../support/electron-standin/window-harness.ts';
import { pngSize, screenshot } from '../support/screenshots.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../support/seeds-inline.ts';
import { HAS_KEYRING } from '../support/system-components.ts';

/** What the focused element is called, as a screen reader would announce it (its role and accessible name). */
async function focused(page: Page): Promise<string> {
  // Runs in the page (a string, since this project type-checks without the DOM library).
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const label = el.getAttribute('aria-label') ?? (el.id ? document.querySelector('label[for="' + el.id + '"]')?.textContent : undefined) ?? el.closest('label')?.textContent ?? el.textContent;
    return el.tagName.toLowerCase() + ': ' + (label ?? '').trim();
  })()`);
}

describe.skipIf(!HAS_CHROMIUM || !HAS_KEYRING)(
  'the window with the keyboard alone, for screen readers and at 200 % zoom, in real Chromium (Electron stood in)',
  () => {
    let w: WindowHarness;
    let page: Page;

    beforeAll(async () => {
      w = await openWindow(skeletonSeed());
      page = w.page;
      await w.app.core.addProfile({
        name: 'dev-api',
        region: 'us-east-1',
        userPoolId: TEST_POOL,
        clientId: PUBLIC_CLIENT,
        username: 'alice',
        authFlow: 'USER_PASSWORD_AUTH',
        endpoint: w.app.emulator.endpoint,
      });
      await page.reload();
      await page.locator('li[data-profile="dev-api"]').waitFor();
    });
    afterAll(async () => {
      await w?.close();
    });

    it('moves focus in reading order: toolbar, filter, then each row\u2019s enabled actions', async () => {
      const order: string[] = [];
      for (let i = 0; i < 9; i += 1) {
        await page.keyboard.press('Tab');
        order.push(await focused(page));
      }
      expect(order).toEqual([
        'button: Quick copy Ctrl K',
        'button: Add profile',
        'button: Import',
        'button: Export',
        'button: Settings',
        'input: Filter',
        // The name opens the details; signed out, the row's one action is Sign in.
        'button: dev-api details',
        'button: Sign in to dev-api',
        'button: More actions for dev-api',
      ]);
    });

    it('signs in with the keyboard alone: Enter opens the dialog, typing and Enter submit, focus starts in the empty field', async () => {
      await page.getByRole('button', { name: 'Sign in to dev-api' }).focus();
      await page.keyboard.press('Enter');
      expect(await focused(page)).toBe('input: Password');
      await page.keyboard.type(ALICE_PASSWORD);
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('li[data-profile="dev-api"] [data-testid=state]').textContent())
        .toBe('Signed in');
    });

    it('opens a row\u2019s menu with the keyboard and closes dialogs with Escape', async () => {
      await page.getByRole('button', { name: 'More actions for dev-api' }).focus();
      await page.keyboard.press('Enter');
      expect(await focused(page)).toBe('button: Inspect token');
      await page.keyboard.press('ArrowDown');
      expect(await focused(page)).toBe('button: Refresh now');
      await page.keyboard.press('End');
      expect(await focused(page)).toBe('button: Delete…');
      await page.keyboard.press('Escape');
      expect(await focused(page)).toBe('button: More actions for dev-api');
      // The Copy split button's menu: the formats, with the keyboard.
      await page.getByRole('button', { name: 'Copy formats for dev-api' }).focus();
      await page.keyboard.press('Enter');
      expect(await focused(page)).toBe('button: Copy access token of dev-api');
      await page.keyboard.press('Escape');
      expect(await focused(page)).toBe('button: Copy formats for dev-api');
      await page.getByRole('button', { name: 'More actions for dev-api' }).click();
      await page.keyboard.press('Enter');
      // The inspector opens once main answered with the decoded token.
      await expect
        .poll(() => page.locator('#inspect-dialog').evaluate((d) => (d as unknown as { open: boolean }).open))
        .toBe(true);
      await page.keyboard.press('Escape');
      await expect
        .poll(() => page.locator('#inspect-dialog').evaluate((d) => (d as unknown as { open: boolean }).open))
        .toBe(false);
    });

    it('labels every control for screen readers (main view and every dialog)', async () => {
      const unnamed = async (): Promise<string[]> => {
        const snapshot = await page.locator('body').ariaSnapshot();
        return snapshot
          .split('\n')
          .filter((line) =>
            /^\s*- (button|textbox|checkbox|radio|combobox|searchbox|spinbutton|img)\s*(\[|:|$)/.test(line),
          );
      };
      expect(await unnamed()).toEqual([]);
      const dialogs: [string, string][] = [
        ['Add profile', '#profile-dialog'],
        ['Settings', '#settings-dialog'],
      ];
      for (const [button, dialog] of dialogs) {
        await page.getByRole('button', { name: button, exact: true }).click();
        expect(await unnamed()).toEqual([]);
        await page.locator(dialog).getByRole('button', { name: 'Cancel' }).click();
      }
      await page.getByRole('button', { name: 'More actions for dev-api' }).click();
      await page.getByRole('menuitem', { name: 'Sign in again…' }).click();
      expect(await unnamed()).toEqual([]);
      await page.locator('#sign-in-dialog').getByRole('button', { name: 'Cancel' }).click();
    });

    it('stays readable at 200 % zoom: nothing is cut off sideways and every action is reachable', async () => {
      await page.setViewportSize({ width: 550, height: 400 }); // 1100 x 800 at 200 %
      const overflow = (await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      )) as number;
      expect(overflow).toBeLessThanOrEqual(0);
      for (const name of ['Add profile', 'Settings', 'Copy access token of dev-api', 'More actions for dev-api']) {
        const box = await page.getByRole('button', { name }).boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 550).toBe(true);
      }
      expect(pngSize(await screenshot(page, 'window-zoom-200.png'))).toEqual({ width: 550, height: 400 });
      await page.setViewportSize({ width: 1100, height: 640 });
    });

    it('ran without page errors', () => {
      expect(w.pageErrors).toEqual([]);
    });
  },
);
