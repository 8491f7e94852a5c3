import { profileRef } from '../../main/core/profiles/profile-id.ts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../support/browser.ts';
import { openWindow, type WindowHarness } from '../support/electron-standin/window-harness.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../support/seeds-inline.ts';
import { HAS_KEYRING } from '../support/system-components.ts';

const TEMPORARY = 'Temp-Pass-1';

describe.skipIf(!HAS_CHROMIUM || !HAS_KEYRING)(
  'sign-ins in the window cannot lock the user out and keep who signed in, in real Chromium against the emulator (Electron stood in)',
  () => {
    let w: WindowHarness;
    let page: Page;
    const dialog = () => page.locator('#sign-in-dialog');
    const heading = () => dialog().getByRole('heading').textContent();
    /** A USER_PASSWORD_AUTH profile on the emulator, listed in the window. */
    const passwordProfile = async (name: string, username?: string) => {
      const user = username ? { username } : {};
      await w.app.core.addProfile({
        name,
        region: 'us-east-1',
        userPoolId: TEST_POOL,
        clientId: PUBLIC_CLIENT,
        ...user,
        authFlow: 'USER_PASSWORD_AUTH',
        endpoint: w.app.emulator.endpoint,
      });
      await page.reload();
    };

    beforeAll(async () => {
      const seed = skeletonSeed();
      seed.pools[0]!.users.push(
        { username: 'fresh', password: TEMPORARY, status: 'FORCE_CHANGE_PASSWORD' },
        {
          username: 'coder',
          password: ALICE_PASSWORD,
          attributes: { email: 'coder@example.com' },
          mfa: { enabled: ['EMAIL_OTP'] },
        },
      );
      w = await openWindow(seed);
      page = w.page;
      await passwordProfile('fresh-api', 'fresh');
    });
    afterAll(async () => {
      await w?.close();
    });

    it('asks for the new password twice; two that differ are said, emptied and not sent', async () => {
      await page.getByRole('button', { name: 'Sign in to fresh-api' }).click();
      await dialog().getByLabel('Password', { exact: true }).fill(TEMPORARY);
      await dialog().getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect.poll(heading).toBe('Choose a new password');
      await dialog().getByLabel('New password', { exact: true }).fill('Brand-New-Pass-2');
      await dialog().getByLabel('New password again').fill('Brand-New-Pass-3');
      await dialog().getByRole('button', { name: 'Set password' }).click();
      await expect
        .poll(() => dialog().getByRole('alert').textContent())
        .toBe('The two passwords differ; nothing was sent. Type the new password twice again.');
      // Sent, either password would have set it and signed in: the step is still open and the user signed out.
      expect(await heading()).toBe('Choose a new password');
      expect(await page.locator('li[data-profile="fresh-api"] [data-testid=state]').textContent()).toBe('Signed out');
      expect(await dialog().getByLabel('New password', { exact: true }).inputValue()).toBe('');
      expect(await dialog().getByLabel('New password again').inputValue()).toBe('');
      expect(await page.locator(':focus').getAttribute('name')).toBe('newPassword');
    });

    it('says a policy refusal in plain words and asks only for another new password (the temporary one still works)', async () => {
      await dialog().getByLabel('New password', { exact: true }).fill('short');
      await dialog().getByLabel('New password again').fill('short');
      await dialog().getByRole('button', { name: 'Set password' }).click();
      await expect
        .poll(() => dialog().getByRole('alert').textContent())
        .toMatch(
          /^The user pool\u2019s password policy refused the new password \(Password not long enough\).*Nothing was changed: the old or temporary password still works/,
        );
      expect(await heading()).toBe('Choose a new password');
      await dialog().getByLabel('New password', { exact: true }).fill('Brand-New-Pass-2');
      await dialog().getByLabel('New password again').fill('Brand-New-Pass-2');
      await dialog().getByRole('button', { name: 'Set password' }).click();
      await expect
        .poll(() => page.locator('li[data-profile="fresh-api"] [data-testid=state]').textContent())
        .toBe('Signed in');
    });

    it('keeps the username typed at sign-in on a profile that had none, as ctm login does', async () => {
      await passwordProfile('nameless');
      await page.getByRole('button', { name: 'Sign in to nameless' }).click();
      await dialog().getByLabel('Username').fill('alice');
      await dialog().getByLabel('Password', { exact: true }).fill(ALICE_PASSWORD);
      await dialog().getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect
        .poll(() => page.locator('#status').textContent())
        .toBe('Signed in to nameless. Kept username "alice" on the profile (Edit changes it).');
      expect((await w.app.core.resolveProfile(profileRef('nameless'))).username).toBe('alice');
      expect(await page.locator('li[data-profile="nameless"] [data-testid=state]').textContent()).toBe('Signed in');
    });

    it('says Cognito ended the sign-in after too many wrong codes (not that it took too long), and starts again', async () => {
      await passwordProfile('coder-api', 'coder');
      await page.getByRole('button', { name: 'Sign in to coder-api' }).click();
      await dialog().getByLabel('Password', { exact: true }).fill(ALICE_PASSWORD);
      await dialog().getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect.poll(heading).toBe('Enter the e-mail code');
      // The emulator, as Cognito, takes three wrong codes on one session and refuses the session after.
      for (const wrong of ['000001', '000002', '000003', '000004']) {
        await dialog().getByLabel('Code', { exact: true }).fill(wrong);
        await dialog().getByRole('button', { name: 'Verify' }).click();
        // Each refusal draws the step anew (its code field empty) with the reason above it.
        if (wrong !== '000004') {
          await expect.poll(() => dialog().getByLabel('Code', { exact: true }).inputValue()).toBe('');
          expect(await dialog().getByRole('alert').textContent()).toMatch(/code/i);
        }
      }
      await expect.poll(heading).toBe('Sign in to coder-api');
      expect(await dialog().getByRole('alert').textContent()).toBe(
        'Too many wrong codes: Cognito ended this sign-in after 3 wrong codes. Sign in again.',
      );
      await dialog().getByRole('button', { name: 'Cancel' }).click();
    });

    it('ran without page errors', () => {
      expect(w.pageErrors).toEqual([]);
    });
  },
);
