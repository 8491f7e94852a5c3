import { profileRef } from '../../main/core/profiles/profile-id.ts';
import { idOf } from '../support/profile-ids.ts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../support/browser.ts';
import type { Seed } from '../support/emulator/index.ts';
import { openWindow, type WindowHarness } from '../support/electron-standin/window-harness.ts';
import { HAS_KEYRING } from '../support/system-components.ts';

const PASSWORD = 'Correct-Horse-1';
const POOL = 'us-east-1_Warnings1';
/** A pool that always tracks devices (so a sign-in ends with ConfirmDevice), and an app client with token revocation off. */
const SEED: Seed = {
  pools: [
    {
      id: POOL,
      deviceTracking: 'always',
      clients: [{ id: 'deviceclient1' }, { id: 'norevokeclient1', enableTokenRevocation: false }],
      users: ['dave', 'erin'].map((username) => ({
        username,
        password: PASSWORD,
        attributes: { email: `${username}@example.com` },
      })),
    },
  ],
};

describe.skipIf(!HAS_CHROMIUM || !HAS_KEYRING)(
  'the window shows the warnings of a sign-in and a sign-out that half worked, in real Chromium against the emulator (Electron stood in)',
  () => {
    let w: WindowHarness;
    let page: Page;
    const status = () => page.getByRole('status');
    const state = (name: string) => page.locator(`li[data-profile="${name}"] [data-testid=state]`).textContent();
    const addProfile = async (name: string, username: string, clientId: string) => {
      await w.app.core.addProfile({
        name,
        region: 'us-east-1',
        userPoolId: POOL,
        clientId,
        username,
        authFlow: 'USER_PASSWORD_AUTH',
        endpoint: w.app.emulator.endpoint,
      });
      await page.reload();
      await page.locator(`li[data-profile="${name}"]`).waitFor();
    };

    beforeAll(async () => {
      w = await openWindow(SEED);
      page = w.page;
    });
    afterAll(async () => {
      await w?.close();
    });

    it('a sign-in whose ConfirmDevice keeps failing: signed in, and the window says the computer was not confirmed as a device', async () => {
      await addProfile('unconfirmed', 'dave', 'deviceclient1');
      w.app.emulator.faults.fail('ConfirmDevice', { status: 503, times: 3 });
      await page.getByRole('button', { name: 'Sign in to unconfirmed' }).click();
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      // ConfirmDevice is retried with a back-off before the sign-in gives up on the device.
      await expect.poll(() => state('unconfirmed'), { timeout: 15_000 }).toBe('Signed in');
      await expect.poll(() => status().textContent()).toMatch(/could not be confirmed as a device/);
      expect(await status().getAttribute('class')).toContain('error');
      expect(await w.app.vault.devices.get(POOL, 'dave')).toBeUndefined();
    });

    it('a sign-out on an app client with token revocation off: signed out here, and the window says the token was not revoked', async () => {
      await addProfile('no-revoke', 'erin', 'norevokeclient1');
      await w.app.core.signIn(await idOf(w.app.core, 'no-revoke'), { password: PASSWORD });
      await page.reload();
      await expect.poll(() => state('no-revoke')).toBe('Signed in');
      await page.getByRole('button', { name: 'More actions for no-revoke', exact: true }).click();
      await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
      await expect
        .poll(() => status().textContent())
        .toMatch(/not revoked at the server.*revocation is not enabled for this app client/);
      expect(await status().getAttribute('class')).toContain('error');
      await expect.poll(() => state('no-revoke')).toBe('Signed out');
      expect(await w.app.vault.session((await w.app.core.resolveProfile(profileRef('no-revoke'))).id)).toBeUndefined();
    });

    it('ran without page errors', () => {
      expect(w.pageErrors).toEqual([]);
    });
  },
);
