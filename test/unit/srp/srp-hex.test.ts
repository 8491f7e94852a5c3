import { describe, expect, it } from 'vitest';
import { InvalidSrpServerValueError } from '../../../main/core/srp/index.ts';
import { bigintToBytes, bytesToBigint, padHex, parseServerHex } from '../../../main/core/srp/srp-hex.ts';
import { libBigInteger, libraryHelper } from '../../support/cognito-oracle.ts';
import { seededRandom } from '../../support/seeded-random.ts';

const helper = libraryHelper('Pool', '01');
const libraryPadHex = (value: bigint): string => helper.padHex(libBigInteger(value));

describe('padHex', () => {
  it.each([
    [-236n, 'ff14'],
    [20n, '14'],
    [-200n, 'ff38'],
    [56n, '38'],
    [-20n, 'ec'],
    [236n, '00ec'],
    [-56n, 'c8'],
    [200n, '00c8'],
  ])("follows the library's documented example %s -> %s", (value, expected) => {
    expect(padHex(value).toLowerCase()).toBe(expected);
  });

  it('matches the library on edge values, negatives included', () => {
    const values = [
      0n,
      1n,
      7n,
      8n,
      15n,
      16n,
      127n,
      128n,
      255n,
      256n,
      0x7fffn,
      0x8000n,
      0xffffn,
      -1n,
      -128n,
      -129n,
      -0x8000n,
      -0x8001n,
      -0xffffn,
    ];
    for (let bits = 1n; bits < 3100n; bits += 97n)
      values.push(1n << bits, (1n << bits) - 1n, -(1n << bits), -((1n << bits) + 1n));
    for (const value of values) expect(padHex(value), value.toString(16)).toBe(libraryPadHex(value));
  });

  it('matches the library on 500 seeded random values of 1 to 400 bytes, either sign', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 500; i++) {
      const magnitude = bytesToBigint(random.bytes(random.int(1, 400)));
      const value = random.int(0, 1) === 0 ? magnitude : -magnitude;
      expect(padHex(value), value.toString(16)).toBe(libraryPadHex(value));
    }
  });
});

describe('parseServerHex', () => {
  it('reads hex of any case and leading zeros', () => {
    expect(parseServerHex('SRP_B', '00aBcD')).toBe(0xabcdn);
  });

  it.each(['', 'xyz', '0x10', '-1', ' 10', '1 0'])('refuses %j', (text) => {
    expect(() => parseServerHex('SALT', text)).toThrow(InvalidSrpServerValueError);
  });
});

describe('bigintToBytes / bytesToBigint', () => {
  it('round-trips without leading zero bytes', () => {
    expect(bigintToBytes(0n).length).toBe(0);
    expect(bigintToBytes(0x1ffn).toString('hex')).toBe('01ff');
    expect(bytesToBigint(Uint8Array.from([0, 0, 1, 0]))).toBe(256n);
    expect(bytesToBigint(new Uint8Array(0))).toBe(0n);
  });
});
