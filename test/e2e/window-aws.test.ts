import { idOf } from '../support/profile-ids.ts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../support/browser.ts';
import { IDENTITY_POOL, awsSkeletonSeed } from '../support/aws-seed.ts';
import { openWindow, type WindowHarness } from '../support/electron-standin/window-harness.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, TEST_POOL } from '../support/seeds-inline.ts';
import { HAS_KEYRING } from '../support/system-components.ts';

describe.skipIf(!HAS_CHROMIUM || !HAS_KEYRING)("the inspector's AWS part, in real Chromium (Electron stood in)", () => {
  let w: WindowHarness;
  let page: Page;
  beforeAll(async () => {
    w = await openWindow(awsSkeletonSeed());
    page = w.page;
    await w.app.core.addProfile({
      name: 'dev-aws',
      region: 'us-east-1',
      userPoolId: TEST_POOL,
      clientId: PUBLIC_CLIENT,
      username: 'alice',
      authFlow: 'USER_PASSWORD_AUTH',
      endpoint: w.app.emulator.endpoint,
      identityPoolId: IDENTITY_POOL,
    });
    await w.app.core.signIn(await idOf(w.app.core, 'dev-aws'), { password: ALICE_PASSWORD });
    await page.reload();
    await page.locator('li[data-profile="dev-aws"]').waitFor();
  });
  afterAll(async () => {
    await w?.close();
  });

  it('copies the credentials as exports, then shows the identity id and expiry; no key ever reaches the page', async () => {
    await page.getByRole('button', { name: 'More actions for dev-aws', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Inspect token', exact: true }).click();
    await expect.poll(() => page.getByTestId('aws-identity').textContent()).toBe('none yet');
    await page.getByRole('button', { name: 'Copy as AWS exports' }).click();
    const credentials = await w.app.core.awsCredentials(await idOf(w.app.core, 'dev-aws'));
    await expect.poll(() => page.getByTestId('aws-identity').textContent()).toBe(credentials.identityId);
    expect(w.clipboard.copies.at(-1)).toContain(`export AWS_ACCESS_KEY_ID='${credentials.accessKeyId}'`);
    expect(w.resultsSeenByPage.join('\n')).not.toContain(credentials.secretAccessKey);
    expect(w.resultsSeenByPage.join('\n')).not.toContain(credentials.sessionToken);
    await page.getByRole('button', { name: 'Close' }).click();
  });
});
