import type { TextSink } from './sync-output.ts';

/** How long a wait goes unremarked: below this a line would only flicker. */
export const FEEDBACK_AFTER_MS = 500;

/**
 * Awaits `work`; if it takes longer than half a second and stderr is a terminal, shows `message` on stderr until it
 * ends, then erases the line, so nothing of it is left in the scrollback or reaches a script (stderr not a TTY).
 */
export async function whileWaiting<T>(terminal: { stderr: TextSink }, message: string, work: Promise<T>): Promise<T> {
  let shown = false;
  // Whether stderr is a terminal is asked only once the wait is long: the question itself costs start-up time.
  const timer = setTimeout(() => {
    if (!terminal.stderr.isTTY) return;
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
