import { describe, expect, it } from 'vitest';
import { modPowByBigint, modPowByRsa, modPowN, powerOfG, powerOfGByDh } from '../../../main/core/srp/mod-pow.ts';
import { SRP_N } from '../../../main/core/srp/srp-group.ts';
import { bytesToBigint } from '../../../main/core/srp/srp-hex.ts';
import { seededRandom } from '../../support/seeded-random.ts';

const random = seededRandom(42);
const big = (size: number): bigint => bytesToBigint(random.bytes(size));

describe('exponentiation mod N', () => {
  it('RSA and DH paths agree with BigInt on seeded random bases and exponents', () => {
    for (let i = 0; i < 12; i++) {
      const base = big(384) % SRP_N;
      const exponent = big(random.pick([1, 32, 128, 129, 200]));
      expect(modPowByRsa(base, exponent), `case ${i}`).toBe(modPowByBigint(base, exponent));
      expect(powerOfGByDh(exponent), `case ${i}`).toBe(modPowByBigint(2n, exponent));
    }
  });

  it('handles bases that are 0, 1, N - 1, >= N or negative, and exponents 0 and 1', () => {
    const exponent = big(64) | 1n;
    const cases: Array<[bigint, bigint]> = [
      [0n, exponent],
      [1n, exponent],
      [SRP_N - 1n, exponent],
      [SRP_N - 1n, exponent + 1n],
      [SRP_N, exponent],
      [SRP_N + 5n, exponent],
      [3n * SRP_N - 2n, exponent],
      [-7n, exponent],
      [-SRP_N - 1n, exponent],
      [12345n, 0n],
      [0n, 0n],
      [12345n, 1n],
      [SRP_N - 2n, 2n],
    ];
    for (const [base, e] of cases) expect(modPowN(base, e), `${base} ^ ${e}`).toBe(modPowByBigint(base, e));
    expect(powerOfG(0n)).toBe(1n);
    expect(powerOfG(1n)).toBe(2n);
  });

  it('refuses negative exponents', () => {
    expect(() => modPowN(2n, -1n)).toThrow(RangeError);
    expect(() => powerOfG(-1n)).toThrow(RangeError);
  });
});
