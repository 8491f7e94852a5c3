import { describe, expect, it } from 'vitest';
import { plainText } from '../../../main/shared/plain-text.ts';

describe('plainText: server-supplied text made safe for a terminal, a log or a notification', () => {
  it("removes escape sequences' introducers (ESC, C1 CSI), BEL, DEL and bidi controls; keeps the readable rest", () => {
    expect(plainText('\u001b]0;owned\u0007\u001b[2Jbad password')).toBe(']0;owned[2Jbad password');
    expect(plainText('a\u009b31mb\u007fc')).toBe('a31mbc');
    expect(plainText('user \u202eRLO\u202c and \u2066isolate\u2069')).toBe('user RLO and isolate');
    expect(plainText('Incorrect username or password.')).toBe('Incorrect username or password.');
    expect(plainText('ünïcödé 名前 ok')).toBe('ünïcödé 名前 ok');
  });

  it('makes tabs and line breaks single spaces, so one message stays one line', () => {
    expect(plainText('line one\r\n  line two\tend\u2028x')).toBe('line one line two end x');
  });

  it('cuts at its limit with an ellipsis, and takes anything (not only strings)', () => {
    expect(plainText('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(plainText(undefined)).toBe('');
    expect(plainText(42)).toBe('42');
  });
});
