import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../support/browser.ts';
import { openWindow, signedInAlice, type WindowHarness } from '../support/electron-standin/window-harness.ts';
import { freePort } from '../support/free-port.ts';
import { runCtm } from '../support/run-ctm.ts';
import { HAS_SECOND_ACCOUNT, NEIGHBOUR_NAME, neighbourAccount, nodeAs } from '../support/second-account.ts';
import { skeletonSeed } from '../support/seeds-inline.ts';
import { HAS_KEYRING } from '../support/system-components.ts';

// The window's side of test/integration/token-endpoint/port-squat.test.ts: a real second local account (created as
// root, its listener started with setpriv) holds 127.0.0.1:<the endpoint's port>; the inspector's API-clients part, in
// real Chromium on the real handlers, keychain and emulator, must say whose the port is and show no secret.
describe.skipIf(!HAS_CHROMIUM || !HAS_KEYRING || !HAS_SECOND_ACCOUNT)(
  "attacker: another local account squats the token endpoint's port, seen in the window (real Chromium and second account; Electron stood in)",
  () => {
    let w: WindowHarness;
    let page: Page;
    let port: number;
    let secret: string;
    let squatter: ChildProcessWithoutNullStreams | undefined;
    let received = '';
    beforeAll(async () => {
      w = await openWindow(skeletonSeed(3600));
      page = w.page;
      const dev = await signedInAlice(w, 'dev');
      port = await freePort();
      expect((await runCtm(['endpoint', 'settings', '--port', String(port)], w.app.env)).code).toBe(0);
      // The secret tools already hold (given while the port was free): the one a squatter would want.
      secret = (await w.app.core.endpointCredentials(dev)).clientSecret;
      // Whatever reaches the neighbour's listener is printed, so the test can tell nothing did.
      squatter = await nodeAs(
        neighbourAccount(),
        `require('node:net').createServer((s) => s.on('data', (d) => process.stdout.write(d)))
          .listen(${port}, '127.0.0.1', () => console.log('ready'));`,
      );
      squatter.stdout.on('data', (d: Buffer) => (received += d.toString()));
    });
    afterAll(async () => {
      squatter?.kill('SIGKILL');
      await w?.close();
    });

    it('the API-clients part names the account holding the port, offers nothing to copy, and no secret is on the page', async () => {
      await page.getByRole('button', { name: 'More actions for dev', exact: true }).click();
      await page.getByRole('menuitem', { name: 'Inspect token', exact: true }).click();
      const problem = page.getByTestId('endpoint-problem');
      await expect
        .poll(() => problem.textContent())
        .toContain(`Port ${port} on 127.0.0.1 is held by another local account, ${NEIGHBOUR_NAME}`);
      expect(await problem.getAttribute('role')).toBe('alert');
      expect(await page.getByRole('heading', { name: 'API clients (OAuth 2.0 client credentials)' }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Copy client secret' }).count()).toBe(0);
      expect(await page.getByTestId('endpoint-token-url').count()).toBe(0);
      // Nowhere: not in the page's markup or text, not in any answer main sent it, not on the clipboard, not at the port.
      expect(await page.content()).not.toContain(secret);
      expect(await page.locator('body').innerText()).not.toContain(secret);
      expect(w.resultsSeenByPage.join('\n')).not.toContain(secret);
      expect(w.clipboard.copies).not.toContain(secret);
      expect(received).toBe('');
      expect(w.pageErrors).toEqual([]);
    });
  },
);
