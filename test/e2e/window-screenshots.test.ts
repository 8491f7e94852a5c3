import { profileRef } from '../../main/core/profiles/profile-id.ts';
import { idOf } from '../support/profile-ids.ts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../support/browser.ts';
import { sendToPage } from '../support/electron-standin/preload-in-page.ts';
import { openWindow, type WindowHarness } from '../support/electron-standin/window-harness.ts';
import type { Seed } from '../support/emulator/index.ts';
import { pngSize, screenshot } from '../support/screenshots.ts';
import { HAS_KEYRING } from '../support/system-components.ts';

const PASSWORD = 'Readme-Password-1!';
const POOLS = { dev: 'us-east-1_DevPool42', staging: 'us-east-1_StgPool17', prod: 'us-east-1_ProdPool9' } as const;
const M2M_SECRET = 'readme-machine-secret-0123456789';
const LIFETIMES = [8, 25, 45, 60] as const;

/** Three pools (dev, staging, prod), each with a public app client and a machine client, and two users. */
function readmeSeed(): Seed {
  return {
    pools: Object.values(POOLS).map((id) => ({
      id,
      clients: [
        // Web clients whose tokens live 8 to 60 minutes, so the expiry bars differ as they would in a day's use.
        ...LIFETIMES.map((minutes) => ({
          id: `${id.slice(10).toLowerCase()}web${minutes}`,
          accessTokenValiditySeconds: minutes * 60,
          idTokenValiditySeconds: minutes * 60,
          refreshTokenValiditySeconds: 86400,
        })),
        {
          id: `${id.slice(10).toLowerCase()}m2m`,
          secret: M2M_SECRET,
          accessTokenValiditySeconds: 3600,
          oauth: { allowedOAuthFlows: ['client_credentials'], allowedOAuthScopes: ['orders/read'] },
        },
      ],
      resourceServers: [{ identifier: 'orders', scopes: ['read'] }],
      users: [
        { username: 'alice@example.com', password: PASSWORD, attributes: { email: 'alice@example.com' } },
        { username: 'support.agent', password: PASSWORD, attributes: { email: 'support@example.com' } },
      ],
    })),
  };
}

describe.skipIf(!HAS_CHROMIUM || !HAS_KEYRING)(
  'the README\u2019s pictures: a dozen profiles in three environments, and quick copy, light and dark (real page and handlers, Electron stood in)',
  () => {
    let w: WindowHarness;
    let page: Page;

    beforeAll(async () => {
      w = await openWindow(readmeSeed(), { viewport: { width: 1100, height: 1180 } });
      page = w.page;
      const core = w.app.core;
      const endpoint = w.app.emulator.endpoint;
      const web = (env: keyof typeof POOLS, minutes: (typeof LIFETIMES)[number] = 60) => ({
        region: 'us-east-1',
        userPoolId: POOLS[env],
        clientId: `${POOLS[env].slice(10).toLowerCase()}web${minutes}`,
        endpoint,
        environment: env,
      });
      const add = (name: string, fields: Record<string, unknown>, secret?: string) =>
        core.addProfile({ name, username: 'alice@example.com', authFlow: 'USER_PASSWORD_AUTH', ...fields }, secret);
      await add('orders-api', web('dev'));
      await add('payments-api', { ...web('dev', 8), pinned: true });
      await add('search-api', web('dev', 45));
      await add('admin-portal', { ...web('dev'), username: undefined });
      await add('orders-api-staging', web('staging', 25));
      await add('mobile-staging', { ...web('staging'), username: 'support.agent' });
      await add(
        'billing-worker',
        {
          ...web('staging'),
          clientId: 'stgpool17m2m',
          username: undefined,
          authFlow: 'CLIENT_CREDENTIALS',
          domain: endpoint.replace(/\/$/, ''),
          scopes: ['orders/read'],
        },
        M2M_SECRET,
      );
      await add('orders-api-prod', web('prod'));
      await add('payments-prod', web('prod', 25));
      await add('support-console', { ...web('prod'), username: 'support.agent' });
      await add(
        'reporting-m2m',
        {
          ...web('prod'),
          clientId: 'prodpool9m2m',
          username: undefined,
          authFlow: 'CLIENT_CREDENTIALS',
          domain: endpoint.replace(/\/$/, ''),
          scopes: ['orders/read'],
        },
        M2M_SECRET,
      );
      await add('qa-sandbox', { ...web('dev', 45), environment: 'qa', environmentColour: 'purple' });
      for (const name of [
        'orders-api',
        'payments-api',
        'search-api',
        'orders-api-staging',
        'mobile-staging',
        'orders-api-prod',
        'payments-prod',
        'qa-sandbox',
      ]) {
        await core.signIn(await idOf(core, name), { password: PASSWORD });
      }
      await core.signIn(await idOf(core, 'billing-worker'), {});
      // A renewal that Cognito answered with 503: the token stays valid, the row says so and offers Retry.
      for (const op of ['GetTokensFromRefreshToken', 'InitiateAuth'])
        w.app.emulator.faults.fail(op, { status: 503, times: 20 });
      await core.refreshNow((await core.resolveProfile(profileRef('orders-api-staging'))).id).catch(() => undefined);
      w.app.emulator.faults.clear();
      // A session the pool revoked: the profile needs a sign-in.
      w.app.emulator.revokeAllFor('support.agent');
      await core.refreshNow((await core.resolveProfile(profileRef('mobile-staging'))).id).catch(() => undefined);
      await page.reload();
      await page.locator('li[data-profile="qa-sandbox"]').waitFor();
    });
    afterAll(async () => {
      await w?.close();
    });

    it('the window', async () => {
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        expect(pngSize(await screenshot(page, `profiles-${theme}.png`))).toEqual({ width: 1100, height: 1180 });
      }
    });

    it('quick copy', async () => {
      await sendToPage(page, 'ctm:event:quick-copy');
      await page.keyboard.type('orders');
      await page.getByRole('option').first().waitFor();
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        expect(pngSize(await screenshot(page, `quick-copy-${theme}.png`))).toEqual({ width: 1100, height: 1180 });
      }
      await page.keyboard.press('Escape');
    });

    it('ran without page errors', () => {
      expect(w.pageErrors).toEqual([]);
    });
  },
);
