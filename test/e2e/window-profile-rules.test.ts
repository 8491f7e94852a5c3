import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeConfigFile } from '../../main/core/profiles/config-file.ts';
import type { Profile } from '../../main/core/profiles/profile.ts';
import { newProfileId, profileRef } from '../../main/core/profiles/profile-id.ts';
import { COGNITO_USER_POOL_REGIONS } from '../../main/shared/profile-strict-rules.ts';
import { HAS_CHROMIUM } from '../support/browser.ts';
import { openWindow, type WindowHarness } from '../support/electron-standin/window-harness.ts';
import { PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../support/seeds-inline.ts';
import { HAS_KEYRING } from '../support/system-components.ts';

describe.skipIf(!HAS_CHROMIUM || !HAS_KEYRING)(
  'the profile form applies main\u2019s strict rules as the user types, in real Chromium (Electron stood in)',
  () => {
    let w: WindowHarness;
    let page: Page;
    const dialog = () => page.locator('#profile-dialog');
    const hint = (field: string) => dialog().locator(`#profile-${field}-error`).textContent();
    const row = (name: string) => page.locator(`li[data-profile="${name}"]`);
    const isOpen = () => dialog().evaluate((d) => (d as unknown as { open: boolean }).open);

    beforeAll(async () => {
      w = await openWindow(skeletonSeed());
      page = w.page;
    });
    afterAll(async () => {
      await w?.close();
    });

    it('refuses an unknown region and a pool id of no user-pool region as main does, suggests the known regions, and saves once fixed', async () => {
      await page.getByRole('button', { name: 'Add profile' }).click();
      await dialog().getByLabel('Name', { exact: true }).fill('strict-api');
      await dialog()
        .getByLabel(/^Region/)
        .fill('us-east-9');
      await expect
        .poll(() => hint('region'))
        .toBe(
          'us-east-9 has no Cognito user pools (the Region field suggests the known ones); a newer region or an emulator needs a custom endpoint.',
        );
      const suggested = await dialog()
        .locator('#cognito-regions option')
        .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
      expect(suggested).toEqual([...COGNITO_USER_POOL_REGIONS]);
      await dialog()
        .getByLabel(/^Region/)
        .fill('eu-west-1');
      expect(await hint('region')).toBe('');
      await dialog().getByLabel('User pool id').fill('xx-east-1_Skeleton1');
      await expect
        .poll(() => hint('userPoolId'))
        .toBe(
          'xx-east-1_Skeleton1 names region xx-east-1, which has no Cognito user pools; check the pool id: it starts with the region the pool was created in, such as us-east-1_AbCdEf123.',
        );
      await dialog().getByLabel('App client id').fill(PUBLIC_CLIENT);
      await dialog().getByRole('button', { name: 'Save' }).click();
      expect(await isOpen()).toBe(true); // kept at the form: nothing reached main
      expect(await dialog().getByLabel('User pool id').getAttribute('aria-invalid')).toBe('true');
      expect((await w.app.core.listProfiles()).map((p) => p.name)).toEqual([]);
      // Another region with user pools is fine (a multi-Region replica shares the pool id); then the pool's own region.
      await dialog().getByLabel('User pool id').fill(TEST_POOL);
      await expect
        .poll(() => hint('userPoolId'))
        .toBe(
          'The user pool id us-east-1_Skeleton1 was created in us-east-1, and the profile uses eu-west-1: right for its multi-Region replica there, otherwise check the region.',
        );
      expect(await dialog().getByLabel('User pool id').getAttribute('aria-invalid')).toBe('false');
      await dialog()
        .getByLabel(/^Region/)
        .fill('us-east-1');
      await expect.poll(() => hint('userPoolId')).toBe('');
      await dialog().getByRole('button', { name: 'Save' }).click();
      await row('strict-api').waitFor();
      expect((await w.app.core.resolveProfile(profileRef('strict-api'))).region).toBe('us-east-1');
    });

    it('takes any region and pool id behind a custom endpoint, and gives a pool id typed first its region', async () => {
      await page.getByRole('button', { name: 'Add profile' }).click();
      await dialog().getByLabel('Name', { exact: true }).fill('local-api');
      await dialog().getByLabel('User pool id').fill('eu-central-2_Abc');
      await dialog().getByLabel('User pool id').blur();
      expect(
        await dialog()
          .getByLabel(/^Region/)
          .inputValue(),
      ).toBe('eu-central-2');
      await dialog()
        .getByLabel(/^Region/)
        .fill('us-east-9');
      // The region is the problem (said under it); the pool id names a region with user pools.
      expect(await hint('userPoolId')).toBe('');
      await dialog().getByLabel('Custom endpoint (optional)').fill(w.app.emulator.endpoint);
      await expect.poll(() => hint('region')).toBe('');
      expect(await hint('userPoolId')).toBe('');
      await dialog().getByLabel('App client id').fill(PUBLIC_CLIENT);
      await dialog().getByRole('button', { name: 'Save' }).click();
      await row('local-api').waitFor();
    });

    it('edits a profile saved before the rules: says why its fields are now refused, keeps them, saves the rest', async () => {
      const old: Profile = {
        id: newProfileId(),
        name: 'old-api',
        region: 'eu-west-1',
        userPoolId: 'xx-east-1_Abc',
        clientId: PUBLIC_CLIENT,
        username: 'alice',
        hasClientSecret: false,
        authFlow: 'USER_SRP_AUTH',
        domain: 'https://x.auth.eu-west-1.amazoncognito.com',
        refreshMethod: 'auto',
        autoRefresh: true,
      };
      const others = await w.app.core.listProfiles();
      await writeFile(join(w.app.core.configDir, 'profiles.json'), serializeConfigFile([...others, old]));
      await page.reload();
      await row('old-api').waitFor();
      await page.getByRole('button', { name: 'More actions for old-api', exact: true }).click();
      await page.getByRole('menuitem', { name: 'Edit…', exact: true }).click();
      await expect
        .poll(() => hint('userPoolId'))
        .toBe(
          'xx-east-1_Abc names region xx-east-1, which has no Cognito user pools; check the pool id: it starts with the region the pool was created in, such as us-east-1_AbCdEf123. Saved before this rule, so it may stay as it is; a change must follow the rule.',
        );
      expect(await dialog().getByLabel('User pool id').getAttribute('aria-invalid')).toBe('false');
      expect(await dialog().locator('#profile-authFlow-note').textContent()).toBe(
        "Domain: not used by USER_SRP_AUTH: only the OAuth 2.0 flows go through the pool's domain (MANAGED_LOGIN, CLIENT_CREDENTIALS); saving leaves it out.",
      );
      expect(await dialog().getByLabel('Username (optional)').inputValue()).toBe('alice');
      // A change to the pool's fields must follow the rule; put back, the old value may stay.
      await dialog()
        .getByLabel(/^Region/)
        .fill('eu-west-2');
      await expect.poll(() => dialog().getByLabel('User pool id').getAttribute('aria-invalid')).toBe('true');
      await dialog().getByRole('button', { name: 'Save' }).click();
      expect(await isOpen()).toBe(true);
      await dialog()
        .getByLabel(/^Region/)
        .fill('eu-west-1');
      await dialog().getByLabel('Username (optional)').fill('bob');
      await dialog().getByRole('button', { name: 'Save' }).click();
      await expect.poll(async () => (await w.app.core.resolveProfile(profileRef('old-api'))).username).toBe('bob');
      const saved = await w.app.core.resolveProfile(profileRef('old-api'));
      expect(saved).toEqual({ ...old, username: 'bob', domain: undefined });
    });

    it('offers the identity provider fields only with managed login, and asks client credentials for a secret, as main does', async () => {
      await page.getByRole('button', { name: 'Add profile' }).click();
      const idp = dialog().getByLabel('Identity provider (optional)');
      await dialog().getByLabel('Auth flow').selectOption('MANAGED_LOGIN');
      expect(await idp.isVisible()).toBe(true);
      await idp.fill('Google');
      await dialog().getByLabel('Auth flow').selectOption('CLIENT_CREDENTIALS');
      expect(await idp.isVisible()).toBe(false);
      expect(await dialog().getByLabel('IdP identifier (optional)').isVisible()).toBe(false);
      // Client credentials need the app client's secret: asked for at the field, in main's words.
      await dialog().getByLabel('Name', { exact: true }).fill('machine-api');
      await dialog()
        .getByLabel(/^Region/)
        .fill('us-east-1');
      await dialog().getByLabel('User pool id').fill(TEST_POOL);
      await dialog().getByLabel('App client id').fill(PUBLIC_CLIENT);
      await dialog().getByLabel('Domain').fill('https://machine.auth.us-east-1.amazoncognito.com');
      await dialog().getByRole('button', { name: 'Save' }).click();
      expect(await hint('clientSecret')).toBe("CLIENT_CREDENTIALS needs the app client's secret.");
      expect(await isOpen()).toBe(true);
      await dialog().getByRole('button', { name: 'Cancel' }).click();
    });

    it('ran without page errors', () => {
      expect(w.pageErrors).toEqual([]);
    });
  },
);
