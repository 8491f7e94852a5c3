import { describe, expect, it } from 'vitest';
import { signInHandOff, signInRequestFrom } from '../../../main/electron/sign-in-handoff.ts';

describe('handing `ctm login` to the window where the installed CLI has no console input (Windows GUI executable)', () => {
  it('Windows, no console: login NAME goes to the window', () => {
    expect(signInHandOff(['login', 'my dev'], 'win32', false)).toBe('my dev');
    expect(signInHandOff(['login', 'dev', '--username', 'alice'], 'win32', false)).toBe('dev');
  });

  it('stays in the command line with piped input, help, no profile name, a console, or elsewhere', () => {
    expect(signInHandOff(['login', 'dev', '--password-stdin'], 'win32', false)).toBeUndefined();
    expect(signInHandOff(['login', 'dev', '--help'], 'win32', false)).toBeUndefined();
    expect(signInHandOff(['login'], 'win32', false)).toBeUndefined();
    expect(signInHandOff(['login', '--username', 'x'], 'win32', false)).toBeUndefined();
    expect(signInHandOff(['token', 'dev'], 'win32', false)).toBeUndefined();
    expect(signInHandOff(['login', 'dev'], 'win32', true)).toBeUndefined();
    expect(signInHandOff(['login', 'dev'], 'linux', false)).toBeUndefined();
  });

  it('reads the request from one argument wherever Chromium put it, and nothing from a bare switch', () => {
    expect(signInRequestFrom(['app.exe', '--allow-file-access', '--ctm-sign-in=my dev'])).toBe('my dev');
    expect(signInRequestFrom(['app.exe', '--ctm-sign-in='])).toBeUndefined();
    expect(signInRequestFrom(['app.exe', '--ctm-sign-in', 'dev'])).toBeUndefined();
  });
});
