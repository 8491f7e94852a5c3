import { InvalidSrpServerValueError } from './srp-errors.ts';
import { SRP_K, SRP_N } from './srp-group.ts';
import { hexHash, hmacSha256, textHash } from './srp-hash.ts';
import { padHex } from './srp-hex.ts';
import { modPowN, powerOfG } from './mod-pow.ts';

const HKDF_INFO = Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]);

/** u = H(pad(A) + pad(B)); refuses B mod N == 0 and u == 0 as the library does. */
export function computeU(largeA: bigint, serverB: bigint): bigint {
  if (serverB % SRP_N === 0n) throw new InvalidSrpServerValueError('B mod N is 0');
  return uFromHash(hexHash(padHex(largeA) + padHex(serverB)));
}

/** u from its SHA-256 hex; a zero hash is refused (it would let anyone pass the verifier). */
export function uFromHash(hashHex: string): bigint {
  const u = BigInt(`0x${hashHex}`);
  if (u === 0n) throw new InvalidSrpServerValueError('u = H(A, B) is 0');
  return u;
}

/** x = H(pad(salt) + H(poolName + userId + ":" + password)). */
export function computeX(poolName: string, userId: string, password: string, salt: bigint): bigint {
  return BigInt(`0x${hexHash(padHex(salt) + textHash(`${poolName}${userId}:${password}`))}`);
}

/** The base of S, (B - k * g^x) mod N: the library leaves it negative and its modPow reduces it mod N. */
export function computeSBase(serverB: bigint, x: bigint): bigint {
  const difference = serverB - SRP_K * powerOfG(x);
  return ((difference % SRP_N) + SRP_N) % SRP_N;
}

/** S = base^(a + u * x) mod N, with base from computeSBase. */
export function computeS(sBase: bigint, smallA: bigint, u: bigint, x: bigint): bigint {
  return modPowN(sBase, smallA + u * x);
}

/** The 16-byte key: HKDF-SHA256 with salt pad(u), input pad(S), info "Caldera Derived Key". */
export function hkdfKey(s: bigint, u: bigint): Buffer {
  const prk = hmacSha256(Buffer.from(padHex(u), 'hex'), Buffer.from(padHex(s), 'hex'));
  return hmacSha256(prk, HKDF_INFO).subarray(0, 16);
}
