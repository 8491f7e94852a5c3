import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** The README's pictures. Only `npm run screenshots` (vitest --mode screenshots) writes them: a test run leaves them be. */
const FOLDER = join(process.cwd(), 'docs/screenshots');

/** Set by vitest.config.ts in `--mode screenshots`. */
export const WRITES_SCREENSHOTS = process.env.CTM_WRITE_SCREENSHOTS === '1';

/** The width and height a PNG says it has (its IHDR chunk), or undefined when the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString('latin1', 12, 16) !== 'IHDR')
    return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Renders the page as a PNG; writes it to docs/screenshots/<name> only under `npm run screenshots`. */
export async function screenshot(page: Page, name: string): Promise<Buffer> {
  const png = await page.screenshot();
  if (WRITES_SCREENSHOTS) {
    mkdirSync(FOLDER, { recursive: true });
    writeFileSync(join(FOLDER, name), png);
  }
  return png;
}
