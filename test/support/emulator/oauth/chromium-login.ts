/**
 * A stand-in for the system browser, for `BROWSER="node chromium-login.ts"`: opens the URL it is given in real
 * Chromium, fills the hosted UI's login form with HOSTED_UI_USERNAME / HOSTED_UI_PASSWORD and waits until the
 * browser has reached the app's loopback /callback. Run by `ctm login` as a child process.
 */
import { launchChromium } from '../../browser.ts';

const url = process.argv[2];
if (!url) throw new Error('usage: chromium-login.ts URL');
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.fill('input[name="username"]', process.env.HOSTED_UI_USERNAME ?? '');
  await page.fill('input[name="password"]', process.env.HOSTED_UI_PASSWORD ?? '');
  await Promise.all([
    page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/),
    page.click('input[name="signInSubmitButton"]'),
  ]);
  await page.getByText('Signed in.').waitFor();
} finally {
  await browser.close();
}
