// The seeded SRP cases compared with amazon-cognito-identity-js (srp-differential.test.ts against the frozen
// references, test/slow/srp against the library itself), and what our code computes for them.
import { createHash } from 'node:crypto';
import { createSrpSession } from '../../../main/core/srp/index.ts';
import {
  computeS,
  computeSBase,
  computeU,
  computeX,
  hkdfKey,
} from '../../../main/core/srp/password-authentication-key.ts';
import { SRP_N } from '../../../main/core/srp/srp-group.ts';
import { randomText, seededRandom, type SeededRandom } from '../../support/seeded-random.ts';

/** One reproducible SRP sign-in: what the client knows and what the server sent. */
export interface SrpCase {
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

/** Every value both sides derive for a case, as hex or text. */
export interface SrpOutcome {
  srpA: string | undefined;
  u: string;
  x: string | undefined;
  s: string | undefined;
  key: string;
  timestamp: string;
  signature: string;
}

/** How many seeded cases the comparison covers (seeds 0 .. CASES - 1). */
export const SRP_CASES = 200;

/** Bytes as lower-case hex. */
export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

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
  if (shape === 0)
    b = BigInt(`0x${hex(random.bytes(random.int(1, 64)))}`) || 7n; // short
  else if (shape === 1)
    b = SRP_N + BigInt(`0x${hex(random.bytes(random.int(1, 384)))}`); // >= N
  else if (shape === 2)
    b = SRP_N - BigInt(`0x${hex(random.bytes(random.int(1, 16)))}`) - 1n; // just below N
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
export function caseFor(seed: number): SrpCase {
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

/** A digest of a case's inputs: a frozen reference is only good for the inputs it was computed from. */
export function caseDigest(c: SrpCase): string {
  const inputs = { ...c, smallA: hex(c.smallA), now: c.now.toISOString() };
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}

/** What we compute for a case, through the public session and through the steps. */
export async function ourOutcome(c: SrpCase): Promise<SrpOutcome> {
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
