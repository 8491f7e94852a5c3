import { idOf } from '../support/profile-ids.ts';
import { profileRef } from '../../main/core/profiles/profile-id.ts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../main/ipc/handlers.ts';
import { HAS_CHROMIUM } from '../support/browser.ts';
import { openWindow, type WindowHarness } from '../support/electron-standin/window-harness.ts';
import {
  ALICE_PASSWORD,
  CLIENT_SECRET,
  PUBLIC_CLIENT,
  SECRET_CLIENT,
  skeletonSeed,
  TEST_POOL,
} from '../support/seeds-inline.ts';
import { RecordingClipboard } from '../support/recording-clipboard.ts';
import { HAS_KEYRING } from '../support/system-components.ts';

describe.skipIf(!HAS_CHROMIUM || !HAS_KEYRING)(
  'removing a client secret and a signed-in profile in the window, against the emulator and the real keyring (Electron stood in)',
  () => {
    let w: WindowHarness;
    let page: Page;
    const row = (name: string) => page.locator(`li[data-profile="${name}"]`);
    const status = () => page.locator('#status').textContent();
    const removal = () => page.locator('#remove-dialog');
    const revocations = () => w.app.emulator.requests.filter((r) => r.operation === 'RevokeToken').length;
    const more = async (name: string, action: string) => {
      await page.getByRole('button', { name: `More actions for ${name}`, exact: true }).click();
      await page.getByRole('menuitem', { name: action, exact: true }).click();
    };
    const signedIn = async (name: string, clientId = PUBLIC_CLIENT, clientSecret?: string) => {
      const fields = { name, region: 'us-east-1', userPoolId: TEST_POOL, clientId, username: 'alice' };
      await w.app.core.addProfile(
        { ...fields, authFlow: 'USER_PASSWORD_AUTH', endpoint: w.app.emulator.endpoint },
        clientSecret,
      );
      await w.app.core.signIn(await idOf(w.app.core, name), { password: ALICE_PASSWORD });
      await page.reload();
      await expect.poll(() => row(name).locator('[data-testid=state]').textContent()).toBe('Signed in');
    };

    beforeAll(async () => {
      w = await openWindow(skeletonSeed());
      page = w.page;
    });
    afterAll(async () => {
      await w?.close();
    });

    it('removes a stored client secret from the Edit form: the keychain item goes and the profile is signed out', async () => {
      await signedIn('confidential', SECRET_CLIENT, CLIENT_SECRET);
      const { id } = await w.app.core.resolveProfile(profileRef('confidential'));
      expect(await w.app.vault.clientSecrets.get(id)).toBeDefined();
      await more('confidential', 'Edit…');
      const dialog = page.locator('#profile-dialog');
      const secret = dialog.getByLabel(/^Client secret/);
      await dialog.getByLabel('Remove the stored client secret (signs the profile out)').check();
      expect(await secret.isDisabled()).toBe(true);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect
        .poll(status)
        .toBe('Saved confidential: its client secret is removed from the keychain, and it is signed out.');
      expect(await w.app.vault.clientSecrets.get(id)).toBeUndefined();
      expect((await w.app.core.resolveProfile(profileRef('confidential'))).hasClientSecret).toBe(false);
      await expect.poll(() => row('confidential').locator('[data-testid=state]').textContent()).toBe('Signed out');
      // Nothing left to remove: the box is gone.
      await more('confidential', 'Edit…');
      expect(await dialog.getByLabel(/^Remove the stored client secret/).count()).toBe(0);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    });

    it('deleting a signed-out profile asks plainly; Cancel keeps it', async () => {
      await more('confidential', 'Delete…');
      expect(await removal().getByRole('heading').textContent()).toBe('Delete confidential?');
      expect(await removal().textContent()).not.toMatch(/refresh token/);
      expect(await removal().getByRole('button').allTextContents()).toEqual(['Cancel', 'Delete']);
      await removal().getByRole('button', { name: 'Cancel' }).click();
      expect(await row('confidential').count()).toBe(1);
    });

    it('deleting a signed-in profile says its refresh token stays valid at Cognito; "Delete only" revokes nothing', async () => {
      await signedIn('kept-api');
      const before = revocations();
      await more('kept-api', 'Delete…');
      expect(await removal().locator('#remove-dialog-what').textContent()).toMatch(
        /It is signed in: deleting it signs it out on this computer only, and its refresh token stays valid at Cognito until it expires\. Revoke it first/,
      );
      await removal().getByRole('button', { name: 'Delete only' }).click();
      await expect.poll(() => row('kept-api').count()).toBe(0);
      await expect
        .poll(status)
        .toBe(
          'Deleted kept-api; it is signed out on this computer only, and its refresh token stays valid at Cognito until it expires.',
        );
      expect(revocations()).toBe(before);
    });

    it('"Revoke and delete" revokes the refresh token at Cognito first (the sign-out path), then deletes', async () => {
      await signedIn('gone-api');
      const { id } = await w.app.core.resolveProfile(profileRef('gone-api'));
      const before = revocations();
      await more('gone-api', 'Delete…');
      await removal().getByRole('button', { name: 'Revoke and delete' }).click();
      await expect.poll(() => row('gone-api').count()).toBe(0);
      await expect.poll(status).toBe('Deleted gone-api; its refresh token is revoked at Cognito.');
      expect(revocations()).toBe(before + 1);
      expect(await w.app.vault.session(id)).toBeUndefined();
    });

    it('"Revoke and delete" that Cognito cannot carry out (503) deletes nothing and says why; the profile stays signed in', async () => {
      await signedIn('kept-on-failure');
      const { id } = await w.app.core.resolveProfile(profileRef('kept-on-failure'));
      w.app.emulator.faults.fail('RevokeToken', { status: 503, times: 1 });
      await more('kept-on-failure', 'Delete…');
      await removal().getByRole('button', { name: 'Revoke and delete' }).click();
      await expect
        .poll(status)
        .toMatch(
          /^kept-on-failure: Nothing was removed: "kept-on-failure" is still signed in, because the refresh token was not revoked/,
        );
      expect(await row('kept-on-failure').count()).toBe(1);
      expect(await w.app.vault.session(id)).toBeDefined();
    });

    it('main refuses a new client secret and its removal at once, keeping the stored one; an add has nothing to remove', async () => {
      const api = createApi(w.app.core, new RecordingClipboard());
      const input = { name: 'both', region: 'us-east-1', userPoolId: TEST_POOL, clientId: SECRET_CLIENT };
      const added = await api.addProfile({ ...input, clientSecret: CLIENT_SECRET, removeClientSecret: true });
      expect(added.hasClientSecret).toBe(true);
      await expect(
        api.updateProfile(added.id, { ...input, clientSecret: 'another', removeClientSecret: true }),
      ).rejects.toThrow('Give a new client secret or remove it, not both.');
      expect(await w.app.vault.clientSecrets.get(added.id)).toBe(CLIENT_SECRET);
    });

    it('ran without page errors', () => {
      expect(w.pageErrors).toEqual([]);
    });
  },
);
