import type { Terminal } from './terminal.ts';

/** How long a wait goes unremarked: below this a line would only flicker. */
export const FEEDBACK_AFTER_MS = 500;

/**
 * Awaits `work`; if it takes longer than half a second and stderr is a terminal, shows `message` on stderr until it
 * ends, then erases the line, so nothing of it is left in the scrollback or reaches a script (stderr not a TTY).
 */
export async function whileWaiting<T>(terminal: Terminal, message: string, work: Promise<T>): Promise<T> {
  if (!(terminal.stderr as { isTTY?: boolean }).isTTY) return work;
  let shown = false;
  const timer = setTimeout(() => {
    shown = true;
    terminal.stderr.write(`${message}\r`);
  }, FEEDBACK_AFTER_MS);
  try {
    return await work;
  } finally {
    clearTimeout(timer);
    // Carriage return + "erase to end of line" (ECMA-48 EL): the cursor is back where the line started.
    if (shown) terminal.stderr.write('\r\x1b[K');
  }
}
