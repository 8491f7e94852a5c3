import { createHash, createHmac } from 'node:crypto';

/** SHA-256 of the bytes a hex string spells, as lowercase hex (the library's hexHash). */
export function hexHash(hex: string): string {
  return createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
}

/** SHA-256 of a string's UTF-8 bytes, as lowercase hex (the library's hash of a string). */
export function textHash(text: string): string {
  return createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
}

/** HMAC-SHA256 of data under key. */
export function hmacSha256(key: Uint8Array, data: Uint8Array): Buffer {
  return createHmac('sha256', key).update(data).digest();
}
