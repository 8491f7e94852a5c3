import { shell } from 'electron';
import { BadInputError } from '../core/errors.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Opens a managed-login page in the system browser (Electron docs: shell.openExternal), as RFC 8252 §8.12 asks of
 * native apps (no embedded web view). Only https, or http on a loopback host for a local emulator: never a file:,
 * custom-scheme or other URL that could start a program.
 */
export async function openInSystemBrowser(url: string): Promise<void> {
  const parsed = new URL(url);
  const loopback = parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname);
  if (parsed.protocol !== 'https:' && !loopback)
    throw new BadInputError('Only an https:// sign-in page can be opened in the browser.');
  await shell.openExternal(parsed.toString());
}
