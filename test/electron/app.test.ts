import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElectronApplication, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELECTRON_BINARY, HAS_ELECTRON, launchBuiltApp } from './electron-launch.ts';

describe.skipIf(!HAS_ELECTRON)('the built app in real Electron (Playwright _electron)', () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    ({ app } = await launchBuiltApp());
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens the window on the empty state', async () => {
    expect(await page.title()).toBe('Cognito Token Manager');
    await expect.poll(() => page.getByTestId('empty-state').isVisible()).toBe(true);
  });

  it('runs the page isolated and sandboxed: no Node, only window.api (the options themselves: test/integration/app/main-wiring)', async () => {
    expect(
      await page.evaluate(
        '[typeof require, typeof process, typeof window.api.listProfiles, typeof window.api.onChanged]',
      ),
    ).toEqual(['undefined', 'undefined', 'function', 'function']);
  });

  it('denies navigation, new windows and inline scripts', async () => {
    const before = page.url();
    await page.evaluate('window.location.href = "https://example.com/"; undefined').catch(() => undefined);
    await page.waitForTimeout(300);
    expect(page.url()).toBe(before);
    expect(await page.evaluate('window.open("https://example.com/") === null')).toBe(true);
    expect(
      await page.evaluate(
        '(() => { const s = document.createElement("script"); s.textContent = "window.__inline = 1"; document.body.append(s); return window.__inline; })()',
      ),
    ).toBeUndefined();
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  it('answers the IPC contract through the real preload, and validates its arguments', async () => {
    expect(await page.evaluate('window.api.listProfiles()')).toEqual({ ok: true, value: [] });
    expect(await page.evaluate('window.api.copyToken("x", "refresh", "raw")')).toMatchObject({
      ok: false,
      error: { code: 'bad-input' },
    });
  });

  it('adds a profile through the dialog', async () => {
    await page.getByRole('button', { name: 'Add profile' }).click();
    await page.getByLabel('Name', { exact: true }).fill('dev-api');
    await page.getByLabel('Region').fill('us-east-1');
    await page.getByLabel('User pool id').fill('us-east-1_AbCdEf123');
    await page.getByLabel('App client id').fill('client1');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('li[data-profile="dev-api"]').count()).toBe(1);
  });

  it('hides the window on close and keeps running in the tray', async () => {
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible())))
      .toEqual([false]);
  });

  it('writes copies with the concealed formats of this platform (Electron\u2019s clipboard)', async () => {
    const types = await app.evaluate(async ({ clipboard, ClipboardItem }) => {
      const formats: Record<string, string | Blob> =
        process.platform === 'darwin'
          ? { 'electron application/osclipboard;format="org.nspasteboard.ConcealedType"': '' }
          : process.platform === 'win32'
            ? {
                'electron application/osclipboard;format="CanIncludeInClipboardHistory"': new Blob([new Uint8Array(4)]),
              }
            : { 'electron application/osclipboard;format="x-kde-passwordManagerHint"': 'secret' };
      await clipboard.write([new ClipboardItem({ 'text/plain': 'probe', ...formats })]);
      const [item] = await clipboard.read();
      return { text: await clipboard.readText(), types: item?.types ?? [] };
    });
    expect(types.text).toBe('probe');
    expect(types.types.some((t) => /passwordManagerHint|ConcealedType|ClipboardHistory/.test(t))).toBe(true);
  });
});

describe.skipIf(!HAS_ELECTRON)('ctm served by the real Electron binary (what the build/bin launchers run)', () => {
  it('runs the command line and exits with its code, without a window', () => {
    const home = mkdtempSync(join(tmpdir(), 'ctm-electron-cli-'));
    const sandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    const env = { ...process.env, HOME: home, CTM_CONFIG_DIR: join(home, 'config') };
    const help = spawnSync(
      ELECTRON_BINARY ?? 'electron',
      [...sandbox, join(process.cwd(), 'out'), '--ctm-cli', '--', '--help'],
      {
        env,
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(help.stdout).toMatch(/^USAGE\n {2}ctm /m);
    expect(help.status).toBe(0);
    const unknown = spawnSync(
      ELECTRON_BINARY ?? 'electron',
      [...sandbox, join(process.cwd(), 'out'), '--ctm-cli', '--', 'no-such-command'],
      { env, encoding: 'utf8', timeout: 30_000 },
    );
    expect(unknown.status).not.toBe(0);
  });
});
