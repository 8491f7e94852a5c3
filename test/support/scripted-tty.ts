import { PassThrough } from 'node:stream';
import type { Terminal } from '../../main/cli/terminal.ts';

/**
 * A terminal stood in by streams that say they are a TTY (readline in raw mode, as at a real prompt); `reply` answers
 * each new prompt seen on stderr (undefined: no answer). What ctm showed is in `shown()`, its stdout in `out()`.
 */
export function scriptedTty(
  reply: (prompt: string, shown: string) => string | undefined,
): Terminal & { shown: () => string; out: () => string } {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let [shown, out] = ['', ''];
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => {
    shown += chunk.toString();
    const answer = reply(chunk.toString(), shown);
    if (answer !== undefined) setImmediate(() => stdin.write(`${answer}\n`));
  });
  return { stdin, stdout, stderr, shown: () => shown, out: () => out };
}
