import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { whileWaiting } from '../../../main/cli/progress.ts';
import type { Terminal } from '../../../main/cli/terminal.ts';

function terminal(isTTY: boolean): { terminal: Terminal; written: () => string } {
  const stderr = Object.assign(new PassThrough(), { isTTY });
  let written = '';
  stderr.on('data', (d: Buffer) => (written += d.toString()));
  return { terminal: { stdin: new PassThrough(), stdout: new PassThrough(), stderr }, written: () => written };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('whileWaiting (fake timers: the half-second is wall-clock time)', () => {
  afterEach(() => void vi.useRealTimers());

  it('shows the line only after half a second on a terminal, and erases it when the wait ends', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const tty = terminal(true);
    let finish: (value: string) => void = () => undefined;
    const waiting = whileWaiting(tty.terminal, 'Refreshing dev…', new Promise<string>((resolve) => (finish = resolve)));
    vi.advanceTimersByTime(499);
    await settle();
    expect(tty.written()).toBe('');
    vi.advanceTimersByTime(1);
    await settle();
    expect(tty.written()).toBe('Refreshing dev…\r');
    finish('token');
    await expect(waiting).resolves.toBe('token');
    await settle();
    expect(tty.written()).toBe('Refreshing dev…\r\r\x1b[K');
  });

  it('prints nothing for a quick answer, nor when stderr is not a terminal, and passes failures through', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const quick = terminal(true);
    await whileWaiting(quick.terminal, 'x', Promise.resolve(1));
    vi.advanceTimersByTime(10_000);
    const piped = terminal(false);
    const slow = whileWaiting(
      piped.terminal,
      'x',
      new Promise((_resolve, reject) => setTimeout(() => reject(new Error('boom')), 2000)),
    );
    vi.advanceTimersByTime(2000);
    await expect(slow).rejects.toThrow('boom');
    await settle();
    expect(quick.written() + piped.written()).toBe('');
  });
});
