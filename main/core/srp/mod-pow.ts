import { constants, createDiffieHellman, createPublicKey, publicEncrypt, type DiffieHellman } from 'node:crypto';
import { SRP_G, SRP_N, SRP_N_HEX } from './srp-group.ts';
import { bigintToBytes, bytesToBigint } from './srp-hex.ts';

// Exponentiation mod N in OpenSSL rather than in JavaScript (about 3 ms instead of 20-200 ms):
// - powers of g: a DiffieHellman over (N, 2) with the exponent as private key; generateKeys() is
//   constant-time, which matters for x (derived from the password). OpenSSL knows (N, 2) as RFC 3526
//   group 15 and skips its primality check, which takes seconds for any other generator.
// - any other base: a raw RSA public operation, base^e mod n with n = N and e = the exponent. (The
//   DH object's computeSecret would do it too, but OpenSSL 3.5 then checks that the base lies in the
//   prime-order subgroup, which half of all bases do not, at the cost of a 3071-bit exponentiation.)
// Each falls back to BigInt if the crypto library refuses (e.g. a BoringSSL build caps RSA exponents).
const N_BYTES = 384;
const N_BASE64URL = Buffer.from(SRP_N_HEX, 'hex').toString('base64url');
let groupOfG: DiffieHellman | undefined;
let dhUsable = true;
let rsaUsable = true;

/** base^exponent mod N in plain BigInt: the reference and the last resort (tens of ms). */
export function modPowByBigint(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let square = ((base % SRP_N) + SRP_N) % SRP_N;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * square) % SRP_N;
    square = (square * square) % SRP_N;
  }
  return result;
}

/** g^exponent mod N by OpenSSL's Diffie-Hellman key generation (constant-time); exponent >= 1. */
export function powerOfGByDh(exponent: bigint): bigint {
  groupOfG ??= createDiffieHellman(Buffer.from(SRP_N_HEX, 'hex'), bigintToBytes(SRP_G));
  groupOfG.setPrivateKey(bigintToBytes(exponent));
  try {
    groupOfG.generateKeys();
    return bytesToBigint(groupOfG.getPublicKey());
  } finally {
    groupOfG.setPrivateKey(Buffer.from([1])); // do not leave the secret exponent in the shared object
  }
}

/** base^exponent mod N by a raw RSA public operation; 0 <= base < N, 1 <= exponent < N. */
export function modPowByRsa(base: bigint, exponent: bigint): bigint {
  const key = createPublicKey({
    key: { kty: 'RSA', n: N_BASE64URL, e: bigintToBytes(exponent).toString('base64url') },
    format: 'jwk',
  });
  const message = Buffer.alloc(N_BYTES);
  const baseBytes = bigintToBytes(base);
  baseBytes.copy(message, N_BYTES - baseBytes.length);
  return bytesToBigint(publicEncrypt({ key, padding: constants.RSA_NO_PADDING }, message));
}

/** g^exponent mod N, exponent >= 0. */
export function powerOfG(exponent: bigint): bigint {
  if (exponent < 0n) throw new RangeError('powerOfG: negative exponent');
  if (exponent === 0n) return 1n;
  if (dhUsable) {
    try {
      return powerOfGByDh(exponent);
    } catch {
      dhUsable = false;
    }
  }
  return modPowN(SRP_G, exponent);
}

/** base^exponent mod N for any integer base (reduced mod N first) and exponent >= 0. */
export function modPowN(base: bigint, exponent: bigint): bigint {
  if (exponent < 0n) throw new RangeError('modPowN: negative exponent');
  const reduced = ((base % SRP_N) + SRP_N) % SRP_N;
  if (exponent === 0n) return 1n;
  if (reduced <= 1n) return reduced;
  if (rsaUsable && exponent < SRP_N) {
    try {
      return modPowByRsa(reduced, exponent);
    } catch {
      rsaUsable = false;
    }
  }
  return modPowByBigint(reduced, exponent);
}
