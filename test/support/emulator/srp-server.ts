import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { hexHash, modPow, padHex, srpG, srpK, srpN } from './srp-math.ts';

/** The server half of one SRP exchange, kept in the challenge session. */
export interface SrpServerState {
  poolName: string;
  userId: string;
  largeA: bigint;
  smallB: bigint;
  largeB: bigint;
  verifier: bigint;
  saltHex: string;
  /** Opaque SECRET_BLOCK (base64) the client must echo back. */
  secretBlock: string;
}

/** A's the client sent that SRP must refuse (A mod N == 0) or that are not hex. */
export function parseSrpA(hex: string): bigint | undefined {
  if (!/^[0-9a-fA-F]+$/.test(hex)) return undefined;
  const value = BigInt(`0x${hex}`);
  return value % srpN === 0n ? undefined : value;
}

/** Starts the server side: B = k*v + g^b mod N, plus a fresh SECRET_BLOCK. */
export function startSrp(input: {
  poolName: string;
  userId: string;
  largeA: bigint;
  verifier: bigint;
  saltHex: string;
}): SrpServerState {
  for (;;) {
    const smallB = BigInt(`0x${randomBytes(128).toString('hex')}`) % srpN;
    const largeB = (srpK * input.verifier + modPow(srpG, smallB, srpN)) % srpN;
    if (largeB % srpN === 0n) continue;
    return { ...input, smallB, largeB, secretBlock: randomBytes(128).toString('base64') };
  }
}

function derivedKey(srp: SrpServerState): Buffer | undefined {
  const u = BigInt(`0x${hexHash(padHex(srp.largeA) + padHex(srp.largeB))}`);
  if (u === 0n) return undefined;
  const s = modPow(srp.largeA * modPow(srp.verifier, u, srpN), srp.smallB, srpN);
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex'))
    .update(Buffer.from(padHex(s), 'hex'))
    .digest();
  const info = Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]);
  return createHmac('sha256', prk).update(info).digest().subarray(0, 16);
}

/** True when PASSWORD_CLAIM_SIGNATURE proves the client knows the password behind the verifier. */
export function srpClaimIsValid(
  srp: SrpServerState,
  claim: { secretBlock: string; timestamp: string; signature: string },
): boolean {
  if (claim.secretBlock !== srp.secretBlock) return false;
  const key = derivedKey(srp);
  if (!key) return false;
  const message = Buffer.concat([
    Buffer.from(srp.poolName, 'utf8'),
    Buffer.from(srp.userId, 'utf8'),
    Buffer.from(srp.secretBlock, 'base64'),
    Buffer.from(claim.timestamp, 'utf8'),
  ]);
  const expected = createHmac('sha256', key).update(message).digest();
  const given = Buffer.from(claim.signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const days = 'Sun|Mon|Tue|Wed|Thu|Fri|Sat';
const months = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
const timestampPattern = new RegExp(
  `^(${days}) (${months}) ([1-9]|[12]\\d|3[01]) ([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d UTC \\d{4}$`,
);

/** True for Cognito's TIMESTAMP format `ddd MMM d HH:mm:ss UTC yyyy` (English, no leading zero on the day). */
export function isSrpTimestamp(value: string): boolean {
  return timestampPattern.test(value);
}
