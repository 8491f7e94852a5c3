import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appPageMatcher } from '../../../main/electron/app-page.ts';

describe('appPageMatcher: is a URL the app page? (file URLs compared as paths)', () => {
  it('accepts the page as Chromium reports it on Windows: another drive-letter case, escaped spaces and %', () => {
    const isPage = appPageMatcher(
      'C:\\Program Files\\Cognito 100%\\resources\\app.asar\\out\\renderer\\index.html',
      'win32',
    );
    expect(isPage('file:///c:/Program%20Files/Cognito%20100%25/resources/app.asar/out/renderer/index.html')).toBe(true);
    expect(
      isPage('file:///C:/PROGRAM%20FILES/Cognito%20100%25/resources/app.asar/out/renderer/index.html#/settings'),
    ).toBe(true);
    expect(isPage('file:///D:/Program%20Files/Cognito%20100%25/resources/app.asar/out/renderer/index.html')).toBe(
      false,
    );
  });

  it('accepts the page with a query or fragment, and a path with % and spaces on Linux (exact case)', () => {
    const page = '/opt/Cognito Token Manager/50% off/out/renderer/index.html';
    const isPage = appPageMatcher(page, 'linux');
    expect(isPage(pathToFileURL(page).href)).toBe(true);
    expect(isPage(`${pathToFileURL(page).href}?x=1#top`)).toBe(true);
    expect(isPage('file:///opt/Cognito%20Token%20Manager/50%25%20off/out/renderer/./index.html')).toBe(true);
    expect(isPage('file:///opt/cognito%20token%20manager/50%25%20off/out/renderer/index.html')).toBe(false);
  });

  it('refuses other files, other schemes, remote file hosts and malformed URLs', () => {
    const isPage = appPageMatcher('/app/out/renderer/index.html', 'linux');
    for (const url of [
      'file:///app/out/renderer/other.html',
      'file:///app/out/renderer/index.html.evil',
      'https://example.com/app/out/renderer/index.html',
      'file://evil.example/app/out/renderer/index.html',
      'file:///app/out/renderer%2Findex.html',
      'not a url',
      '',
    ]) {
      expect(isPage(url), url).toBe(false);
    }
  });
});
