import { describe, expect, it } from 'vitest';
import { errorFacts } from '../../../main/cli/run-cli.ts';

describe('errorFacts: what --debug shows of an unexpected error', () => {
  it('names the class, code, syscall and path, never the message', () => {
    const error = Object.assign(new Error('secret-in-message eyJhbGciOi.x.y'), {
      code: 'EACCES',
      errno: -13,
      syscall: 'open',
      path: '/home/u/.config/x',
    });
    expect(errorFacts(error)).toBe('class Error, code EACCES, errno -13, syscall open, path /home/u/.config/x');
    expect(errorFacts(new TypeError('token abc'))).toBe('class TypeError');
    expect(errorFacts('a string')).toBe('a thrown string (not an Error)');
  });

  it("names an error by the name it states, not its constructor's (a letter or two in the minified ctm bundle)", () => {
    // As the bundle declares it: the class minified to `ge`, its stated name kept as a string.
    class ge extends Error {
      override readonly name: string = 'KeychainError';
    }
    expect(errorFacts(new ge('secret-in-message'))).toBe('class KeychainError');
  });
});
