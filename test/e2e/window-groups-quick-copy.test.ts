import { profileRef } from '../../main/core/profiles/profile-id.ts';
import { idOf } from '../support/profile-ids.ts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUICK_COPY_REQUESTED_CHANNEL } from '../../main/ipc/contract.ts';
import { HAS_CHROMIUM } from '../support/browser.ts';
import { sendToPage } from '../support/electron-standin/preload-in-page.ts';
import { openWindow, type WindowHarness } from '../support/electron-standin/window-harness.ts';
import { ALICE_PASSWORD, skeletonSeed } from '../support/seeds-inline.ts';
import { aliceProfile } from '../support/ctm-signed-in.ts';
import { HAS_KEYRING } from '../support/system-components.ts';

describe.skipIf(!HAS_CHROMIUM || !HAS_KEYRING)(
  'environments, pinning, a failed renewal and the quick-copy palette in the window, in real Chromium (Electron stood in)',
  () => {
    let w: WindowHarness;
    let page: Page;
    const groups = () =>
      page
        .locator('section.group')
        .evaluateAll((sections) =>
          sections.map((s) => [
            (s as unknown as { dataset: { group: string } }).dataset.group,
            [
              ...(s as unknown as { querySelectorAll(q: string): { dataset: { profile: string } }[] }).querySelectorAll(
                'li[data-profile]',
              ),
            ].map((li) => li.dataset.profile),
          ]),
        );

    beforeAll(async () => {
      w = await openWindow(skeletonSeed());
      page = w.page;
      const add = (name: string, extra: Record<string, unknown> = {}) =>
        w.app.core.addProfile({ ...aliceProfile(name, w.app.emulator.endpoint), ...extra });
      await add('orders-dev');
      await add('orders-prod');
      await add('tools', { environment: 'qa' });
      await add('misc');
      await w.app.core.signIn(await idOf(w.app.core, 'orders-dev'), { password: ALICE_PASSWORD });
      await w.app.core.signIn(await idOf(w.app.core, 'orders-prod'), { password: ALICE_PASSWORD });
      await page.reload();
      await page.locator('li[data-profile="misc"]').waitFor();
    });
    afterAll(async () => {
      await w?.close();
    });

    it('groups profiles by environment (their own or the one the name suggests), dev first, prod and the emulator marked', async () => {
      expect(await groups()).toEqual([
        ['env-dev', ['orders-dev']],
        ['env-prod', ['orders-prod']],
        ['env-qa', ['tools']],
        ['env-', ['misc']],
      ]);
      const prod = page.locator('li[data-profile="orders-prod"]');
      expect(await prod.getByTestId('environment').textContent()).toBe('\u26A0 prod');
      expect(await prod.getByTestId('endpoint-mark').textContent()).toBe('emulator');
    });

    it('sets a profile\u2019s environment in its form and pins it to the top, both kept in the profile', async () => {
      await page.getByRole('button', { name: 'More actions for misc' }).click();
      await page.getByRole('menuitem', { name: 'Edit\u2026' }).click();
      await page.locator('#profile-dialog').getByLabel('Environment (optional)').fill('staging');
      await page.locator('#profile-dialog').getByRole('button', { name: 'Save' }).click();
      await expect.poll(groups).toEqual([
        ['env-dev', ['orders-dev']],
        ['env-staging', ['misc']],
        ['env-prod', ['orders-prod']],
        ['env-qa', ['tools']],
      ]);
      await page.getByRole('button', { name: 'More actions for orders-prod' }).click();
      await page.getByRole('menuitem', { name: 'Pin to top' }).click();
      await expect.poll(groups).toEqual([
        ['pinned', ['orders-prod']],
        ['env-dev', ['orders-dev']],
        ['env-staging', ['misc']],
        ['env-qa', ['tools']],
      ]);
      expect(await w.app.core.resolveProfile(profileRef('orders-prod'))).toMatchObject({ pinned: true });
      expect(await w.app.core.resolveProfile(profileRef('misc'))).toMatchObject({ environment: 'staging' });
      // Editing a pinned profile keeps it pinned.
      await page.getByRole('button', { name: 'More actions for orders-prod' }).click();
      await page.getByRole('menuitem', { name: 'Edit\u2026' }).click();
      await page.locator('#profile-dialog').getByRole('button', { name: 'Save' }).click();
      await expect.poll(async () => (await w.app.core.resolveProfile(profileRef('orders-prod'))).pinned).toBe(true);
    });

    it('keeps Copy on a profile whose renewal failed while its token is valid, with the error on the row and Retry', async () => {
      for (const op of ['GetTokensFromRefreshToken', 'InitiateAuth'])
        w.app.emulator.faults.fail(op, { status: 503, times: 20 });
      const id = (await w.app.core.resolveProfile(profileRef('orders-dev'))).id;
      await w.app.core.refreshNow(id).catch(() => undefined);
      w.app.emulator.faults.clear();
      await sendToPage(page, 'ctm:event:changed');
      const row = page.locator('li[data-profile="orders-dev"]');
      await expect.poll(() => row.getByTestId('state').textContent()).toBe('Renewal failed');
      expect(await row.getByTestId('time-left').textContent()).toMatch(/min left$/);
      expect(await row.getByTestId('problem').textContent()).not.toMatch(/Exception\s*:/);
      expect(await row.getByRole('button', { name: 'Retry orders-dev' }).count()).toBe(1);
      await row.getByRole('button', { name: 'Copy access token of orders-dev' }).click();
      await expect.poll(() => w.clipboard.copies.at(-1)).toBe((await w.app.vault.session(id))?.accessToken);
      // Cognito answers again: Retry renews, and the error leaves the row.
      await row.getByRole('button', { name: 'Retry orders-dev' }).click();
      await expect.poll(() => row.getByTestId('state').textContent()).toBe('Signed in');
      expect(await row.getByTestId('problem').count()).toBe(0);
    });

    it('opens quick copy when main asks (the global shortcut): typing narrows, Enter copies the access token, Shift+Enter the ID token', async () => {
      const session = (await w.app.vault.session((await w.app.core.resolveProfile(profileRef('orders-prod'))).id))!;
      await sendToPage(page, QUICK_COPY_REQUESTED_CHANNEL);
      const input = page.getByRole('combobox', { name: 'Profile to copy from' });
      await expect
        .poll(() =>
          input.evaluate(
            (el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement,
          ),
        )
        .toBe(true);
      await page.keyboard.type('prod');
      expect(await page.getByRole('option').allTextContents()).toEqual([expect.stringMatching(/^orders-prod/)]);
      await page.keyboard.press('Enter');
      await expect.poll(() => w.clipboard.copies.at(-1)).toBe(session.accessToken);
      expect(await page.getByRole('status').textContent()).toMatch(
        /^Copied the access token of orders-prod · clears in \d+ s/,
      );
      await page.keyboard.press('Control+k');
      await page.keyboard.type('orders-p');
      await page.keyboard.press('Shift+Enter');
      await expect.poll(() => w.clipboard.copies.at(-1)).toBe(session.idToken);
      // Arrow keys move the choice; Escape closes without copying.
      const copies = w.clipboard.copies.length;
      await page.keyboard.press('Control+k');
      await page.keyboard.press('ArrowDown');
      expect(await page.locator('[role=option][aria-selected=true]').count()).toBe(1);
      await page.keyboard.press('Escape');
      expect(w.clipboard.copies.length).toBe(copies);
    });

    it('ran without page errors', () => {
      expect(w.pageErrors).toEqual([]);
    });
  },
);
