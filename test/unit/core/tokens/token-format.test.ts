import { describe, expect, it } from 'vitest';
import { formatToken } from '../../../../main/core/tokens/token-format.ts';
import type { TokenSet } from '../../../../main/core/tokens/token-set.ts';

const tokens: TokenSet = {
  accessToken: 'AAA',
  idToken: 'III',
  tokenType: 'Bearer',
  expiresAt: Date.UTC(2030, 0, 1),
  issuedAt: 0,
};

describe('formatToken', () => {
  it.each([
    ['raw', 'access', 'AAA'],
    ['header', 'access', 'Authorization: Bearer AAA'],
    ['env', 'id', "export CTM_ID_TOKEN='III'"],
    ['powershell', 'access', "$env:CTM_ACCESS_TOKEN = 'AAA'"],
    ['fish', 'id', "set -gx CTM_ID_TOKEN 'III'"],
    ['curl', 'access', "curl -H 'Authorization: Bearer AAA' "],
  ] as const)('%s %s', (format, kind, expected) => {
    expect(formatToken(tokens, kind, format, 'dev')).toBe(expected);
  });

  it('json carries the token, its kind and expiry', () => {
    expect(JSON.parse(formatToken(tokens, 'access', 'json', 'dev'))).toEqual({
      profile: 'dev',
      type: 'access',
      token: 'AAA',
      tokenType: 'Bearer',
      expiresAt: '2030-01-01T00:00:00.000Z',
    });
  });

  it('says so when there is no ID token', () => {
    expect(() => formatToken({ ...tokens, idToken: undefined }, 'id', 'raw', 'dev')).toThrow(/no ID token/);
  });
});
