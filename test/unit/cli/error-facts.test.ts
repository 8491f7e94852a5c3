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
});
