import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ask, choose, PromptInterruptedError, type Terminal } from '../../../main/cli/terminal.ts';

/** A terminal whose stdin claims to be a TTY (readline then runs in raw mode, as at a real prompt), fed by the test. */
function fakeTty(): { terminal: Terminal; type(text: string): void; shown(): string } {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
  const stderr = new PassThrough();
  let shown = '';
  stderr.on('data', (d: Buffer) => (shown += d.toString()));
  return {
    terminal: { stdin, stdout: new PassThrough(), stderr },
    type: (text) => void stdin.write(text),
    shown: () => shown,
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('prompts (a TTY stand-in: raw-mode keys as readline reads them)', () => {
  it('rejects with PromptInterruptedError on Ctrl-C', async () => {
    const tty = fakeTty();
    const answer = ask(tty.terminal, 'Password: ', { secret: true });
    await tick();
    tty.type('hunt\x03');
    await expect(answer).rejects.toBeInstanceOf(PromptInterruptedError);
    expect(tty.shown()).not.toContain('hunt');
  });

  it('offers choices as a numbered menu and takes a number or a name, asking again otherwise', async () => {
    const tty = fakeTty();
    const chosen = choose(
      tty.terminal,
      'Choose how to get your sign-in code',
      ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'],
      (c) => `label ${c}`,
    );
    await tick();
    tty.type('7\r');
    await tick();
    tty.type('2\r');
    await expect(chosen).resolves.toBe('SOFTWARE_TOKEN_MFA');
    expect(tty.shown()).toMatch(
      /Choose how to get your sign-in code:\n {2}1\) label SMS_MFA\n {2}2\) label SOFTWARE_TOKEN_MFA\n/,
    );
    expect(tty.shown()).toContain('"7" is not one of the choices.');
    const byName = choose(tty.terminal, 'Pick', ['PASSWORD', 'EMAIL_OTP']);
    await tick();
    tty.type('email_otp\r');
    await expect(byName).resolves.toBe('EMAIL_OTP');
  });

  it('says what flag to use instead when stdin is not a terminal', async () => {
    const terminal: Terminal = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
    await expect(
      choose(terminal, 'Choose how to sign in', ['PASSWORD', 'EMAIL_OTP'], undefined, '--select'),
    ).rejects.toThrow(
      'A choice (how to sign in: PASSWORD, EMAIL_OTP) is needed, but stdin is not a terminal: pass it with --select.',
    );
    await expect(ask(terminal, 'Password: ', { secret: true, flag: '--password-stdin' })).rejects.toThrow(
      'Password is needed, but stdin is not a terminal: pass it with --password-stdin.',
    );
  });
});
