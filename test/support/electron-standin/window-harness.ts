import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { CHANGED_CHANNEL } from '../../../main/ipc/contract.ts';
import { createApi, createIpcHandlers } from '../../../main/ipc/handlers.ts';
import { registerHandlers } from '../../../main/ipc/register-handlers.ts';
import type { ProfileId } from '../../../main/core/profiles/profile-id.ts';
import { startAppFixture, type AppFixture } from '../app-fixture.ts';
import { launchChromium } from '../browser.ts';
import type { Seed } from '../emulator/index.ts';
import { idOf } from '../profile-ids.ts';
import { RecordingClipboard } from '../recording-clipboard.ts';
import { ALICE_PASSWORD } from '../seeds-inline.ts';
import { aliceProfile } from '../ctm-signed-in.ts';
import { installPreload, sendToPage, StandInIpcMain } from './preload-in-page.ts';

/**
 * A private copy of the built page (out/renderer), as a file: URL, so a build running at the same time (which
 * empties out/) cannot pull the page from under a test.
 */
export function privatePage(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ctm-page-'));
  cpSync(join(process.cwd(), 'out/renderer'), folder, { recursive: true });
  return pathToFileURL(join(folder, 'index.html')).href;
}

/** The window in real Chromium, through the built preload and the real handlers, on a real keyring and emulator (Electron stood in). */
export interface WindowHarness {
  app: AppFixture;
  browser: Browser;
  page: Page;
  clipboard: RecordingClipboard;
  /** Every ApiResult the page received, as JSON (to check no secret reached it). */
  resultsSeenByPage: string[];
  pageErrors: string[];
  close(): Promise<void>;
}

/** Starts the whole stack and opens the page; main's "changed" push reaches the page as Electron's would. */
export async function openWindow(
  seed: Seed,
  options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {},
): Promise<WindowHarness> {
  const app = await startAppFixture(seed);
  const clipboard = new RecordingClipboard();
  const resultsSeenByPage: string[] = [];
  const pageErrors: string[] = [];
  const opened: { page?: Page } = {};
  const changed = (): void =>
    void (opened.page ? sendToPage(opened.page, CHANGED_CHANNEL).catch(() => undefined) : undefined);
  const handlers = createIpcHandlers(createApi(app.core, clipboard, { changed }));
  const recorded = Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      async (...args: unknown[]) => {
        const result = await handler(...args);
        resultsSeenByPage.push(JSON.stringify(result));
        return result;
      },
    ]),
  ) as typeof handlers;
  const ipcMain = new StandInIpcMain();
  const pageUrl = privatePage();
  registerHandlers(ipcMain, recorded, (url) => url === pageUrl);
  const browser = await launchChromium();
  const page = await browser.newPage({
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1100, height: 640 },
  });
  page.setDefaultTimeout(5000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await installPreload(page, ipcMain);
  await page.goto(pageUrl);
  opened.page = page;
  return {
    app,
    browser,
    page,
    clipboard,
    resultsSeenByPage,
    pageErrors,
    close: async () => {
      await browser.close();
      await app.close();
    },
  };
}

/**
 * Adds profile `name` for alice on the seed's public client (USER_PASSWORD_AUTH at the window's emulator) through the
 * core, signs it in, and shows it on the page; resolves to its id.
 */
export async function signedInAlice(w: WindowHarness, name: string): Promise<ProfileId> {
  await w.app.core.addProfile(aliceProfile(name, w.app.emulator.endpoint));
  const id = await idOf(w.app.core, name);
  await w.app.core.signIn(id, { password: ALICE_PASSWORD });
  await w.page.reload();
  await w.page.locator(`li[data-profile="${name}"]`).waitFor();
  return id;
}
