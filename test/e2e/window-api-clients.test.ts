import { profileRef } from '../../main/core/profiles/profile-id.ts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../support/browser.ts';
import { openWindow, signedInAlice, type WindowHarness } from '../support/electron-standin/window-harness.ts';
import { skeletonSeed } from '../support/seeds-inline.ts';
import { HAS_KEYRING } from '../support/system-components.ts';

describe.skipIf(!HAS_CHROMIUM || !HAS_KEYRING)(
  "the inspector's API-clients part (token endpoint), in real Chromium (Electron stood in)",
  () => {
    let w: WindowHarness;
    let page: Page;
    beforeAll(async () => {
      w = await openWindow(skeletonSeed(3600));
      page = w.page;
      await signedInAlice(w, 'dev');
    });
    afterAll(async () => {
      await w?.close();
    });

    it('shows the token URL and client id, and copies the client secret in main: it never reaches the page', async () => {
      await page.getByRole('button', { name: 'More actions for dev', exact: true }).click();
      await page.getByRole('menuitem', { name: 'Inspect token', exact: true }).click();
      await expect.poll(() => page.getByTestId('endpoint-client-id').textContent()).toBe('dev');
      expect(await page.getByTestId('endpoint-token-url').textContent()).toBe('http://127.0.0.1:28600/oauth2/token');
      await page.getByRole('button', { name: 'Copy client secret' }).click();
      await expect.poll(() => page.getByTestId('endpoint-secret-status').textContent()).toBe(' Client secret copied.');
      const { clientSecret: secret } = await w.app.core.endpointCredentials(
        (await w.app.core.resolveProfile(profileRef('dev'))).id,
      );
      expect(w.clipboard.copies.at(-1)).toBe(secret);
      expect(w.resultsSeenByPage.join('\n')).not.toContain(secret);
      await page.getByRole('button', { name: 'Close' }).click();
    });
  },
);
