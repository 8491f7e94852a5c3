import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from './system-components.ts';
import { systemComponent } from './system-components.ts';

/** Debian's Chromium is installed (required in CI). */
export const HAS_CHROMIUM = systemComponent('Chromium', existsSync(CHROMIUM_PATH), 'apt-get install chromium');

/** Launches headless Debian Chromium with flags that keep it off the (closed) network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}
