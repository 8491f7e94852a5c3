import { InvalidSrpServerValueError } from './srp-errors.ts';

const HEX_DIGITS = /^[0-9a-fA-F]+$/;

/**
 * The library's padHex: the even-length hex of Java's BigInteger.toByteArray() (two's complement,
 * minimal length with a sign bit), so `00` is prepended when the first hex digit is 8 or above.
 */
export function padHex(value: bigint): string {
  const negative = value < 0n;
  let hex = (negative ? -value : value).toString(16);
  if (hex.length % 2 !== 0) hex = `0${hex}`;
  if (/^[89a-f]/.test(hex)) hex = `00${hex}`;
  if (!negative) return hex;
  // Flip the nibbles and add one, as the library does; its first digit is then 8 or above.
  const complement = (1n << BigInt(hex.length * 4)) - -value;
  const twos = complement.toString(16);
  // Only 80...00 yields a redundant leading ff.
  return twos.startsWith('ff8') ? twos.slice(2) : twos;
}

/** A non-negative integer from a hex string Cognito sent (SRP_B, SALT); anything else is refused. */
export function parseServerHex(field: string, hex: string): bigint {
  if (!HEX_DIGITS.test(hex)) throw new InvalidSrpServerValueError(`${field} is not a hex number`);
  return BigInt(`0x${hex}`);
}

/** The big-endian bytes of a non-negative integer, no leading zero bytes (empty for 0). */
export function bigintToBytes(value: bigint): Buffer {
  if (value === 0n) return Buffer.alloc(0);
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex');
}

/** The non-negative integer that big-endian bytes spell. */
export function bytesToBigint(bytes: Uint8Array): bigint {
  return bytes.length === 0
    ? 0n
    : BigInt(`0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`);
}
