import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron cannot run here: its shell module is stood in by a recorder (Electron docs: shell.openExternal(url)).
const opened: string[] = [];
vi.mock('electron', () => ({ shell: { openExternal: async (url: string) => void opened.push(url) } }));
const { openInSystemBrowser } = await import('../../../main/electron/system-browser.ts');

describe('opening the managed-login page in the system browser (Electron stood in)', () => {
  beforeEach(() => void opened.splice(0));

  it('opens https pages and loopback http pages (a local emulator)', async () => {
    await openInSystemBrowser('https://myapp.auth.us-east-1.amazoncognito.com/oauth2/authorize?client_id=a');
    await openInSystemBrowser('http://127.0.0.1:9229/oauth2/authorize');
    expect(opened).toEqual([
      'https://myapp.auth.us-east-1.amazoncognito.com/oauth2/authorize?client_id=a',
      'http://127.0.0.1:9229/oauth2/authorize',
    ]);
  });

  it.each([
    'file:///etc/passwd',
    'http://auth.example.com/oauth2/authorize',
    'ms-settings:display',
    'javascript:alert(1)',
  ])('refuses %s', async (url) => {
    await expect(openInSystemBrowser(url)).rejects.toThrow(/Only an https/);
    expect(opened).toEqual([]);
  });
});
