import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../support/browser.ts';
import { totpCode, type Seed } from '../support/emulator/index.ts';
import { openWindow, type WindowHarness } from '../support/electron-standin/window-harness.ts';
import { HAS_KEYRING } from '../support/system-components.ts';

const SEED = JSON.parse(readFileSync('test/support/seeds/emulator-full.json', 'utf8')) as Seed;
// One more user, whose custom challenge takes two rounds.
SEED.pools[0]!.users.push({
  username: 'quiz2',
  password: 'Correct-Horse-1',
  attributes: { email: 'quiz2@example.com' },
  customChallenge: {
    rounds: [
      { parameters: { question: '2+2?' }, answer: '4' },
      { parameters: { question: 'Capital of France?' }, answer: 'Paris' },
    ],
  },
});
const PASSWORD = 'Correct-Horse-1';
const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

describe.skipIf(!HAS_CHROMIUM || !HAS_KEYRING)(
  'the sign-in dialog through every challenge, in real Chromium against the emulator (Electron stood in)',
  () => {
    let w: WindowHarness;
    let page: Page;

    beforeAll(async () => {
      w = await openWindow(SEED);
      page = w.page;
    });
    afterAll(async () => {
      await w?.close();
    });

    async function profileFor(
      username: string,
      authFlow = 'USER_PASSWORD_AUTH',
      pool = 'us-east-1_Example1',
      clientId = 'publicclient1',
    ): Promise<string> {
      const region = pool.split('_')[0]!;
      const name = `${username}-${authFlow.toLowerCase().replace(/_/g, '')}`;
      await w.app.core.addProfile({
        name,
        region,
        userPoolId: pool,
        clientId,
        username,
        authFlow,
        endpoint: w.app.emulator.endpoint,
      });
      await page.reload();
      await page.locator(`li[data-profile="${name}"]`).waitFor();
      await page.getByRole('button', { name: `Sign in to ${name}` }).click();
      return name;
    }
    const dialog = () => page.locator('#sign-in-dialog');
    const expectSignedIn = async (name: string) => {
      await expect
        .poll(() => page.locator(`li[data-profile="${name}"] [data-testid=state]`).textContent())
        .toBe('Signed in');
      expect(await dialog().evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(false);
    };
    const password = async (value = PASSWORD) => {
      await page.getByLabel('Password', { exact: true }).fill(value);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    };

    it('NEW_PASSWORD_REQUIRED: a new password and the pool\u2019s required attributes', async () => {
      const name = await profileFor('newbie');
      await password('Temp-Pass-1');
      await expect.poll(() => dialog().getByRole('heading').textContent()).toBe('Choose a new password');
      await page.getByLabel('New password', { exact: true }).fill('Brand-New-Pass-2');
      await page.getByLabel('New password again').fill('Brand-New-Pass-2');
      await page.getByLabel('email').fill('newbie@example.com');
      await page.getByRole('button', { name: 'Set password' }).click();
      await expectSignedIn(name);
    });

    it('SMS_MFA: the code sent by text message, shown masked', async () => {
      const name = await profileFor('smsuser');
      await password();
      await expect.poll(() => dialog().textContent()).toMatch(/Enter the code sent to \+\*+9999/);
      await page.getByLabel('Code', { exact: true }).fill(w.app.emulator.outbox('smsuser').at(-1)!);
      await page.getByRole('button', { name: 'Verify' }).click();
      await expectSignedIn(name);
    });

    it('EMAIL_OTP: the code sent by e-mail; a wrong code is shown and can be retried', async () => {
      const name = await profileFor('mailuser');
      await password();
      await expect.poll(() => dialog().getByRole('heading').textContent()).toBe('Enter the e-mail code');
      await page.getByLabel('Code', { exact: true }).fill('000000');
      await page.getByRole('button', { name: 'Verify' }).click();
      await expect.poll(() => dialog().getByRole('alert').textContent()).toMatch(/code/i);
      await page.getByLabel('Code', { exact: true }).fill(w.app.emulator.outbox('mailuser').at(-1)!);
      await page.getByRole('button', { name: 'Verify' }).click();
      await expectSignedIn(name);
    });

    it('SOFTWARE_TOKEN_MFA: the authenticator code', async () => {
      const name = await profileFor('totpuser');
      await password();
      await expect.poll(() => dialog().getByRole('heading').textContent()).toBe('Enter the authenticator code');
      await page.getByLabel('Code', { exact: true }).fill(totpCode(TOTP_SECRET, w.app.emulator.now()));
      await page.getByRole('button', { name: 'Verify' }).click();
      await expectSignedIn(name);
    });

    it('SELECT_MFA_TYPE: choosing the authenticator app, then its code', async () => {
      const name = await profileFor('chooser');
      await password();
      await expect.poll(() => dialog().getByRole('heading').textContent()).toBe('Choose how to verify');
      await page.getByLabel('Authenticator app (TOTP)').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect.poll(() => dialog().getByRole('heading').textContent()).toBe('Enter the authenticator code');
      await page.getByLabel('Code', { exact: true }).fill(totpCode(TOTP_SECRET, w.app.emulator.now()));
      await page.getByRole('button', { name: 'Verify' }).click();
      await expectSignedIn(name);
    });

    it('MFA_SETUP: a QR code and the key, then the first code', async () => {
      const name = await profileFor('setupuser');
      await password();
      await expect.poll(() => dialog().getByRole('heading').textContent()).toBe('Set up an authenticator app');
      const qr = page.getByRole('img', { name: /QR code/ });
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
      expect(await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
      const secret = (await page.getByTestId('totp-secret').textContent())!;
      await page.getByLabel('Code from the app').fill(totpCode(secret, w.app.emulator.now()));
      await page.getByRole('button', { name: 'Verify and sign in' }).click();
      await expectSignedIn(name);
    });

    it('CUSTOM_CHALLENGE: the pool\u2019s question and the answer', async () => {
      const name = await profileFor('quizuser', 'CUSTOM_AUTH');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect.poll(() => dialog().getByRole('heading').textContent()).toBe('Answer the challenge');
      expect(await dialog().locator('dl').textContent()).toContain('2+2?');
      await page.getByLabel('Answer', { exact: true }).fill('4');
      await page.getByRole('button', { name: 'Answer' }).click();
      await expectSignedIn(name);
    });

    it('CUSTOM_CHALLENGE over two rounds', async () => {
      const name = await profileFor('quiz2', 'CUSTOM_AUTH');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect.poll(() => dialog().locator('dl').textContent()).toContain('2+2?');
      await page.getByLabel('Answer', { exact: true }).fill('4');
      await page.getByRole('button', { name: 'Answer' }).click();
      await expect.poll(() => dialog().locator('dl').textContent()).toContain('Capital of France?');
      await page.getByLabel('Answer', { exact: true }).fill('Paris');
      await page.getByRole('button', { name: 'Answer' }).click();
      await expectSignedIn(name);
    });

    it('SELECT_CHALLENGE (USER_AUTH without a password): choosing the password', async () => {
      const name = await profileFor('alice', 'USER_AUTH');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect.poll(() => dialog().getByRole('heading').textContent()).toBe('Choose how to sign in');
      await page.getByLabel('Password', { exact: true }).check();
      await page.getByLabel('Password (for a password choice)').fill(PASSWORD);
      await page.getByRole('button', { name: 'Continue' }).click();
      await expectSignedIn(name);
    });

    it('remembers the device when asked, and signs out', async () => {
      const name = await profileFor('dave', 'USER_PASSWORD_AUTH', 'eu-west-1_Devices1', 'deviceclient1');
      await page.getByLabel('Remember this device').check();
      await password();
      await expectSignedIn(name);
      const [profile] = (await w.app.core.listProfiles()).filter((p) => p.name === name);
      const session = await w.app.vault.session(profile!.id);
      expect(await w.app.vault.devices.get('eu-west-1_Devices1', session!.userId!)).toBeDefined();
      await page.getByRole('button', { name: `More actions for ${name}`, exact: true }).click();
      await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
      await expect
        .poll(() => page.locator(`li[data-profile="${name}"] [data-testid=state]`).textContent())
        .toBe('Signed out');
    });

    it('ran without page errors', () => {
      expect(w.pageErrors).toEqual([]);
    });
  },
);
