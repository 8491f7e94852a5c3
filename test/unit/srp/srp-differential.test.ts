// Differential test: our SRP against amazon-cognito-identity-js's AuthenticationHelper on seeded random
// cases. A failing case names its seed; replay it with `caseFor(seed)`.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSrpSession } from '../../../main/core/srp/index.ts';
import { computeS, computeSBase, computeU, computeX, hkdfKey } from '../../../main/core/srp/password-authentication-key.ts';
import { SRP_N } from '../../../main/core/srp/srp-group.ts';
import { libBigInteger, library, libraryHelper, librarySignature, syncResult } from '../../support/cognito-oracle.ts';
import { randomText, seededRandom, type SeededRandom } from '../../support/seeded-random.ts';

interface SrpCase {
  seed: number;
  poolName: string;
  userId: string;
  password: string;
  smallA: Uint8Array;
  srpB: string;
  salt: string;
  secretBlock: string;
  now: Date;
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** 128 bytes of a: sometimes with leading zero bytes (a short a), sometimes with the high bit set. */
function smallAFor(random: SeededRandom): Uint8Array {
  const a = random.bytes(128);
  const shape = random.int(0, 3);
  if (shape === 0) a.fill(0, 0, random.int(1, 20));
  if (shape === 1) a[0] = (a[0] ?? 0) | 0x80;
  if (shape === 2) a[0] = (a[0] ?? 0) & 0x7f;
  if (a.every((byte) => byte === 0)) a[127] = 1;
  return a;
}

/** SRP_B as hex: full-size, short, above N, high-bit, zero-prefixed or upper-case. */
function srpBFor(random: SeededRandom): string {
  const shape = random.int(0, 5);
  let b: bigint;
  if (shape === 0) b = BigInt(`0x${hex(random.bytes(random.int(1, 64)))}`) || 7n; // short
  else if (shape === 1) b = SRP_N + BigInt(`0x${hex(random.bytes(random.int(1, 384)))}`); // >= N
  else if (shape === 2) b = SRP_N - BigInt(`0x${hex(random.bytes(random.int(1, 16)))}`) - 1n; // just below N
  else b = BigInt(`0x${hex(random.bytes(384))}`) % SRP_N;
  if (b % SRP_N === 0n) b += 1n;
  let text = b.toString(16);
  if (random.int(0, 4) === 0) text = `00${text}`;
  if (random.int(0, 4) === 0) text = text.toUpperCase();
  return text;
}

/** SALT as hex: 1-32 bytes, sometimes with the high bit set, leading zeros, or an odd length. */
function saltFor(random: SeededRandom): string {
  const bytes = random.bytes(random.int(1, 32));
  if (random.int(0, 2) === 0) bytes[0] = (bytes[0] ?? 0) | 0x80;
  let text = hex(bytes);
  if (random.int(0, 5) === 0) text = text.replace(/^0+/, '') || '0';
  if (random.int(0, 5) === 0) text = `0${text}`;
  return text;
}

/** The reproducible case for a seed; every fourth one looks like device SRP. */
function caseFor(seed: number): SrpCase {
  const random = seededRandom(seed);
  const device = seed % 4 === 3;
  const poolName = device ? `-${hex(random.bytes(5))}` : randomText(random, 12) || 'Pool';
  const uuid = [4, 2, 2, 2, 6].map((size) => hex(random.bytes(size))).join('-');
  const userId = device ? `eu-west-1_${uuid}` : randomText(random, 24);
  return {
    seed,
    poolName,
    userId,
    password: device ? Buffer.from(random.bytes(40)).toString('base64') : randomText(random, 40),
    smallA: smallAFor(random),
    srpB: srpBFor(random),
    salt: saltFor(random),
    secretBlock: Buffer.from(random.bytes(random.int(0, 1200))).toString('base64'),
    now: new Date(random.int(-2_000_000_000, 4_000_000_000) * 1000 + random.int(0, 999)),
  };
}

/** What the library computes for a case. */
function libraryOutcome(c: SrpCase) {
  const helper = libraryHelper(c.poolName, hex(c.smallA));
  const captured: { x?: string; s?: string } = {};
  const calculateS = helper.calculateS.bind(helper);
  helper.calculateS = (x, b, callback) => calculateS(x, b, (error, s) => {
    captured.x = x.toString(16);
    captured.s = s.toString(16);
    callback(error, s);
  });
  const key = syncResult<Uint8Array>((done) =>
    helper.getPasswordAuthenticationKey(c.userId, c.password, libBigInteger(c.srpB), libBigInteger(c.salt), done));
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(c.now);
  const timestamp = new library.DateHelper().getNowString();
  vi.useRealTimers();
  return {
    srpA: helper.largeAValue?.toString(16),
    u: helper.UValue.toString(16),
    x: captured.x,
    s: captured.s,
    key: Buffer.from(key).toString('hex'),
    timestamp,
    signature: librarySignature(key, c.poolName, c.userId, c.secretBlock, timestamp),
  };
}

/** What we compute for a case, through the public session and through the steps. */
async function ourOutcome(c: SrpCase) {
  const session = createSrpSession(c.poolName, { randomBytes: () => c.smallA });
  const a = BigInt(`0x${hex(c.smallA)}`);
  const largeA = BigInt(`0x${session.srpA}`);
  const b = BigInt(`0x${c.srpB}`);
  const u = computeU(largeA, b);
  const x = computeX(c.poolName, c.userId, c.password, BigInt(`0x${c.salt}`));
  const s = computeS(computeSBase(b, x), a, u, x);
  const claim = await session.passwordClaim({ ...c, now: c.now });
  return {
    srpA: session.srpA,
    u: u.toString(16),
    x: x.toString(16),
    s: s.toString(16),
    key: hkdfKey(s, u).toString('hex'),
    timestamp: claim.timestamp,
    signature: claim.signature,
  };
}

const CASES = 200;
const BATCH = 20;

describe('SRP against AuthenticationHelper (seeded random cases)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('covers the shapes that matter: short and >= N values of B, padded a, u and salt, non-ASCII text', () => {
    const cases = Array.from({ length: CASES }, (_, seed) => caseFor(seed));
    const a = (c: SrpCase): bigint => BigInt(`0x${hex(c.smallA)}`);
    const u = (c: SrpCase): bigint => computeU(BigInt(`0x${createSrpSession(c.poolName, { randomBytes: () => c.smallA }).srpA}`), BigInt(`0x${c.srpB}`));
    const count = (test: (c: SrpCase) => boolean): number => cases.filter(test).length;

    expect(count((c) => BigInt(`0x${c.srpB}`) >= SRP_N)).toBeGreaterThan(10);
    expect(count((c) => c.srpB.length < 200)).toBeGreaterThan(10);
    expect(count((c) => a(c) < 1n << 1016n)).toBeGreaterThan(10);
    expect(count((c) => a(c) >= 1n << 1023n)).toBeGreaterThan(10);
    expect(count((c) => /^[89a-f]/i.test(c.salt))).toBeGreaterThan(10);
    expect(count((c) => u(c) < 1n << 252n)).toBeGreaterThan(3);
    expect(count((c) => [...(c.userId + c.password)].some((ch) => (ch.codePointAt(0) ?? 0) > 0x7e))).toBeGreaterThan(50);
    expect(count((c) => c.poolName.startsWith('-'))).toBe(CASES / 4);
  });

  for (let first = 0; first < CASES; first += BATCH) {
    it(`agrees on SRP_A, u, x, S, the HKDF key, TIMESTAMP and the signature: seeds ${first}..${first + BATCH - 1}`, async () => {
      for (let seed = first; seed < first + BATCH; seed++) {
        const c = caseFor(seed);
        const ours = await ourOutcome(c);
        expect(ours, `seed ${seed}`).toEqual(libraryOutcome(c));
      }
    });
  }
});
