// Differential test: our SRP against amazon-cognito-identity-js's AuthenticationHelper on seeded random cases, through
// the library's frozen outcomes (srp-references.json, written by `npm run srp-references`, which checks them against
// the library; test/slow/srp recomputes a sample live). A failing case names its seed; replay it with `caseFor(seed)`.
import { describe, expect, it } from 'vitest';
import { createSrpSession } from '../../../main/core/srp/index.ts';
import { computeU } from '../../../main/core/srp/password-authentication-key.ts';
import { SRP_N } from '../../../main/core/srp/srp-group.ts';
import { caseDigest, caseFor, hex, ourOutcome, SRP_CASES, type SrpCase } from './srp-cases.ts';
import { readReferences } from './srp-references.ts';

const BATCH = 20;
const references = readReferences();

describe(`SRP against AuthenticationHelper (seeded random cases; ${references.library}, frozen)`, () => {
  it('covers the shapes that matter: short and >= N values of B, padded a, u and salt, non-ASCII text', () => {
    const cases = Array.from({ length: SRP_CASES }, (_, seed) => caseFor(seed));
    const a = (c: SrpCase): bigint => BigInt(`0x${hex(c.smallA)}`);
    const u = (c: SrpCase): bigint =>
      computeU(
        BigInt(`0x${createSrpSession(c.poolName, { randomBytes: () => c.smallA }).srpA}`),
        BigInt(`0x${c.srpB}`),
      );
    const count = (test: (c: SrpCase) => boolean): number => cases.filter(test).length;

    expect(count((c) => BigInt(`0x${c.srpB}`) >= SRP_N)).toBeGreaterThan(10);
    expect(count((c) => c.srpB.length < 200)).toBeGreaterThan(10);
    expect(count((c) => a(c) < 1n << 1016n)).toBeGreaterThan(10);
    expect(count((c) => a(c) >= 1n << 1023n)).toBeGreaterThan(10);
    expect(count((c) => /^[89a-f]/i.test(c.salt))).toBeGreaterThan(10);
    expect(count((c) => u(c) < 1n << 252n)).toBeGreaterThan(3);
    expect(count((c) => [...(c.userId + c.password)].some((ch) => (ch.codePointAt(0) ?? 0) > 0x7e))).toBeGreaterThan(
      50,
    );
    expect(count((c) => c.poolName.startsWith('-'))).toBe(SRP_CASES / 4);
  });

  it('has a reference for every case, each computed from the inputs the cases give today', () => {
    expect(references.srp.map((r) => r.seed)).toEqual(Array.from({ length: SRP_CASES }, (_, seed) => seed));
  });

  for (let first = 0; first < SRP_CASES; first += BATCH) {
    it(`agrees on SRP_A, u, x, S, the HKDF key, TIMESTAMP and the signature: seeds ${first}..${first + BATCH - 1}`, async () => {
      for (let seed = first; seed < first + BATCH; seed++) {
        const c = caseFor(seed);
        const reference = references.srp[seed];
        // A changed case generator makes the reference stale: regenerate with `npm run srp-references`.
        expect(caseDigest(c), `seed ${seed}: inputs`).toBe(reference?.inputs);
        expect(await ourOutcome(c), `seed ${seed}`).toEqual(reference?.library);
      }
    });
  }
});
