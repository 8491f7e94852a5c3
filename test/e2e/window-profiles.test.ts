import { profileRef } from '../../main/core/profiles/profile-id.ts';
import { idOf } from '../support/profile-ids.ts';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_REQUESTED_CHANNEL } from '../../main/ipc/contract.ts';
import { HAS_CHROMIUM } from '../support/browser.ts';
import { sendToPage } from '../support/electron-standin/preload-in-page.ts';
import { openWindow, type WindowHarness } from '../support/electron-standin/window-harness.ts';
import {
  ALICE_PASSWORD,
  CLIENT_SECRET,
  PUBLIC_CLIENT,
  SECRET_CLIENT,
  skeletonSeed,
  TEST_POOL,
} from '../support/seeds-inline.ts';
import { HAS_KEYRING } from '../support/system-components.ts';

describe.skipIf(!HAS_CHROMIUM || !HAS_KEYRING)(
  'managing profiles, copying and inspecting tokens in the window, in real Chromium (Electron stood in)',
  () => {
    let w: WindowHarness;
    let page: Page;
    const row = (name: string) => page.locator(`li[data-profile="${name}"]`);
    const more = async (name: string, action: string) => {
      await page.getByRole('button', { name: `More actions for ${name}`, exact: true }).click();
      await page.getByRole('menuitem', { name: action, exact: true }).click();
    };

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
      await w.app.core.signIn(await idOf(w.app.core, 'dev-api'), { password: ALICE_PASSWORD });
      await page.reload();
      await row('dev-api').waitFor();
    });
    afterAll(async () => {
      await w?.close();
    });

    it('imports profiles from amplify_outputs.json', async () => {
      const amplify = JSON.stringify({
        version: '1.3',
        auth: { aws_region: 'us-east-1', user_pool_id: TEST_POOL, user_pool_client_id: SECRET_CLIENT },
      });
      await page
        .locator('#import-file')
        .setInputFiles({ name: 'amplify_outputs.json', mimeType: 'application/json', buffer: Buffer.from(amplify) });
      await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Imported 1 profile/);
      await expect.poll(() => page.locator('li[data-id]').count()).toBe(2);
    });

    it('shows why an import failed', async () => {
      await page
        .locator('#import-file')
        .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
      await expect.poll(() => page.getByRole('status').textContent()).toMatch(/notes\.json/);
      expect(await page.getByRole('status').getAttribute('class')).toContain('error');
    });

    it('edits a profile (the client secret goes to the keychain), keeping its id', async () => {
      const imported = (await w.app.core.listProfiles()).find((p) => p.clientId === SECRET_CLIENT)!;
      await more(imported.name, 'Edit…');
      await page.getByLabel('Name', { exact: true }).fill('confidential');
      await page.getByLabel(/^Client secret/).fill(CLIENT_SECRET);
      await page.getByLabel('Username (optional)').fill('alice');
      await page.getByLabel('Custom endpoint (optional)').fill(w.app.emulator.endpoint);
      await page.getByRole('button', { name: 'Save' }).click();
      await row('confidential').waitFor();
      const edited = await w.app.core.resolveProfile(profileRef('confidential'));
      expect(edited.id).toBe(imported.id);
      expect(edited.hasClientSecret).toBe(true);
      expect(await w.app.vault.clientSecrets.get(edited.id)).toBe(CLIENT_SECRET);
    });

    it('duplicates a profile under a new name', async () => {
      await more('dev-api', 'Duplicate…');
      expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('dev-api-copy');
      await page.getByRole('button', { name: 'Save' }).click();
      await row('dev-api-copy').waitFor();
      expect((await w.app.core.resolveProfile(profileRef('dev-api-copy'))).clientId).toBe(PUBLIC_CLIENT);
    });

    it('filters the list without rebuilding it', async () => {
      await page.getByLabel('Filter').fill('confid');
      expect(await page.locator('li[data-id]:not([hidden])').count()).toBe(1);
      await page.getByLabel('Filter').fill('nothing-like-this');
      expect(await page.locator('#no-match').isVisible()).toBe(true);
      await page.getByLabel('Filter').fill('');
      expect(await page.locator('li[data-id]:not([hidden])').count()).toBe(3);
    });

    it('copies the access or ID token in every format from the Copy menu, in main, and Copy remembers the last format', async () => {
      const session = (await w.app.vault.session((await w.app.core.resolveProfile(profileRef('dev-api'))).id))!;
      const cases: [string, string][] = [
        ['ID token', session.idToken!],
        ['access token as Authorization header', `Authorization: Bearer ${session.accessToken}`],
        ['access token as Shell export', `export CTM_ACCESS_TOKEN='${session.accessToken}'`],
        ['access token as PowerShell variable', `$env:CTM_ACCESS_TOKEN = '${session.accessToken}'`],
        ['access token as fish export', `set -gx CTM_ACCESS_TOKEN '${session.accessToken}'`],
        ['ID token as curl command', `curl -H 'Authorization: Bearer ${session.idToken}' `],
      ];
      for (const [what, expected] of cases) {
        await page.getByRole('button', { name: 'Copy formats for dev-api', exact: true }).click();
        await page
          .locator('#copy-menu')
          .getByRole('menuitem', { name: `Copy ${what} of dev-api`, exact: true })
          .click();
        await expect.poll(() => w.clipboard.copies.at(-1)).toBe(expected);
      }
      // The split button's main half now copies the last choice, and says which.
      await page.getByRole('button', { name: 'Copy ID token as curl command of dev-api', exact: true }).click();
      await expect.poll(() => w.clipboard.copies.length).toBe(cases.length + 1);
      expect(w.clipboard.copies.at(-1)).toBe(cases.at(-1)![1]);
      await expect.poll(() => page.getByTestId('clear-countdown').textContent()).toMatch(/^clears in \d+ s$/);
      await page.getByRole('button', { name: 'Clear now' }).click();
      await expect.poll(() => w.clipboard.cleared).toBe(1);
      await expect.poll(() => page.getByRole('status').textContent()).toBe('The clipboard was cleared.');
      await page.getByRole('button', { name: 'Copy formats for dev-api', exact: true }).click();
      await page
        .locator('#copy-menu')
        .getByRole('menuitem', { name: 'Copy access token of dev-api', exact: true })
        .click();
    });

    it('shows a profile\u2019s pool id, client id, user and endpoint whole in its detail pane, each with its own Copy', async () => {
      await page.getByRole('button', { name: 'dev-api details', exact: true }).click();
      const pane = row('dev-api').locator('.details');
      expect(await pane.isVisible()).toBe(true);
      const text = await pane.textContent();
      for (const fact of [TEST_POOL, PUBLIC_CLIENT, 'alice', w.app.emulator.endpoint]) expect(text).toContain(fact);
      expect(await pane.getByRole('button', { name: 'Copy user pool id of dev-api' }).count()).toBe(1);
      await page.getByRole('button', { name: 'dev-api details', exact: true }).click();
      expect(await pane.isVisible()).toBe(false);
    });

    it('inspects a token: claims, times, groups and a verified signature against the emulator\u2019s JWKS', async () => {
      await more('dev-api', 'Inspect token');
      await expect.poll(() => page.getByTestId('signature').textContent()).toBe('Signature verified');
      const claims = JSON.parse((await page.getByTestId('claims').textContent())!) as Record<string, unknown>;
      expect(claims).toMatchObject({
        token_use: 'access',
        client_id: PUBLIC_CLIENT,
        iss: `https://cognito-idp.us-east-1.amazonaws.com/${TEST_POOL}`,
      });
      expect(JSON.parse((await page.getByTestId('header').textContent())!)).toMatchObject({ alg: 'RS256' });
      expect(await page.getByTestId('scopes').textContent()).toContain('aws.cognito.signin.user.admin');
      expect(await page.getByTestId('inspect-left').textContent()).toMatch(/min/);
      await page.getByRole('button', { name: 'Show the ID token' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'ID token of dev-api' }).count()).toBe(1);
      expect(JSON.parse((await page.getByTestId('claims').textContent())!)).toMatchObject({
        token_use: 'id',
        email: 'alice@example.com',
      });
      await page.getByRole('button', { name: 'Close' }).click();
    });

    it('saves settings, and refuses a bad one with its reason', async () => {
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByLabel('Clear the clipboard after (seconds)').fill('2');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect
        .poll(() => page.locator('#settings-dialog').getByRole('alert').textContent())
        .toMatch(/at least 5 seconds/);
      await page.getByLabel('Clear the clipboard after (seconds)').fill('30');
      await page.getByLabel('Start at login').check();
      await page.getByLabel('Default profile', { exact: true }).selectOption({ label: 'dev-api' });
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Settings saved.');
      const saved = JSON.parse(readFileSync(`${w.app.configDir}/settings.json`, 'utf8')) as {
        settings: Record<string, unknown>;
      };
      expect(saved.settings).toMatchObject({
        clipboardClearSeconds: 30,
        startAtLogin: true,
        defaultProfileId: (await w.app.core.resolveProfile(profileRef('dev-api'))).id,
      });
    });

    it('exports the profiles without any secret', async () => {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export' }).click();
      const file = await (await download).createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of file) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      expect(JSON.parse(text).profiles.map((p: { name: string }) => p.name)).toEqual([
        'dev-api',
        'confidential',
        'dev-api-copy',
      ]);
      expect(text).not.toContain(CLIENT_SECRET);
    });

    it('opens the sign-in dialog when the tray asks (main pushes the profile id)', async () => {
      await sendToPage(page, SIGN_IN_REQUESTED_CHANNEL, (await w.app.core.resolveProfile(profileRef('dev-api'))).id);
      await expect.poll(() => page.getByRole('heading', { name: 'Sign in to dev-api' }).count()).toBe(1);
      await page.locator('#sign-in-dialog').getByRole('button', { name: 'Cancel' }).click();
    });

    it('shows a change made elsewhere (main pushes "changed"), and deletes a profile with its keychain entries', async () => {
      await w.app.core.removeProfile(await idOf(w.app.core, 'dev-api-copy'));
      await w.app.core.addProfile({
        name: 'from-cli',
        region: 'us-east-1',
        userPoolId: TEST_POOL,
        clientId: PUBLIC_CLIENT,
      });
      await sendToPage(page, 'ctm:event:changed');
      await row('from-cli').waitFor();
      const id = (await w.app.core.resolveProfile(profileRef('confidential'))).id;
      await more('confidential', 'Delete…');
      await page.locator('#remove-dialog').getByRole('button', { name: 'Delete', exact: true }).click();
      await expect.poll(() => row('confidential').count()).toBe(0);
      expect(await w.app.vault.clientSecrets.get(id)).toBeUndefined();
    });

    it('adds a profile on the FIPS endpoint: refused with the rule\u2019s reason outside the FIPS regions, saved and shown ticked in us-west-2', async () => {
      await page.getByRole('button', { name: 'Add profile' }).click();
      const dialog = page.locator('#profile-dialog');
      await dialog.getByLabel('Name', { exact: true }).fill('fips-api');
      await dialog.getByLabel('Region', { exact: true }).fill('eu-west-1');
      await dialog.getByLabel('User pool id').fill('eu-west-1_AbCdEf123');
      await dialog.getByLabel('App client id').fill(PUBLIC_CLIENT);
      await dialog.getByLabel(/^Use the FIPS endpoint/).check();
      await expect
        .poll(() => dialog.locator('#profile-fips-error').textContent())
        .toMatch(/FIPS endpoints only in us-east-1, us-east-2, us-west-1, us-west-2 and GovCloud/);
      await dialog.getByRole('button', { name: 'Save' }).click();
      expect(await dialog.isVisible()).toBe(true); // the form kept the user there: nothing saved
      await dialog.getByLabel('Region', { exact: true }).fill('us-west-2');
      await dialog.getByLabel('User pool id').fill('us-west-2_AbCdEf123');
      await expect.poll(() => dialog.locator('#profile-fips-error').textContent()).toBe('');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await row('fips-api').waitFor();
      expect((await w.app.core.resolveProfile(profileRef('fips-api'))).fips).toBe(true);
      await more('fips-api', 'Edit…');
      expect(await dialog.getByLabel(/^Use the FIPS endpoint/).isChecked()).toBe(true);
      await dialog.getByLabel('Region', { exact: true }).fill('us-gov-west-1');
      // GovCloud has only FIPS endpoints: the box is ticked and cannot be cleared.
      expect(await dialog.getByLabel(/^Use the FIPS endpoint/).isChecked()).toBe(true);
      expect(await dialog.getByLabel(/^Use the FIPS endpoint/).isDisabled()).toBe(true);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    });

    it('never gave the page a token, a password or a client secret', async () => {
      const session = (await w.app.vault.session((await w.app.core.resolveProfile(profileRef('dev-api'))).id))!;
      const seen = w.resultsSeenByPage.join('\n') + (await page.content());
      for (const secret of [
        session.accessToken.split('.')[2]!,
        session.refreshToken!,
        session.idToken!.split('.')[2]!,
        ALICE_PASSWORD,
        CLIENT_SECRET,
      ])
        expect(seen).not.toContain(secret);
      expect(w.pageErrors).toEqual([]);
    });
  },
);
