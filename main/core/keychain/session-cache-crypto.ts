import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** The cache file's first bytes: names the format, so a future layout can tell it apart (and it is authenticated). */
const MAGIC = Buffer.from('CTMSC1\n', 'ascii');
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A new random 256-bit cache key, as the keychain item holds it (base64, 44 bytes: far below any item limit). */
export function newCacheKey(): string {
  return randomBytes(32).toString('base64');
}

/**
 * Encrypts the cache with AES-256-GCM (NIST SP 800-38D): a fresh random 96-bit IV per write, the 128-bit tag after it.
 * The magic is authenticated data, so a file of another format or a tampered one fails to open rather than misreads.
 */
export function sealCache(key: string, plaintext: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyBytes(key), iv);
  cipher.setAAD(MAGIC);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
}

/** Decrypts a sealed cache; undefined when it is not ours or the key is not the one it was sealed with. */
export function openCache(key: string, sealed: Buffer): string | undefined {
  if (sealed.length < MAGIC.length + IV_BYTES + TAG_BYTES || !sealed.subarray(0, MAGIC.length).equals(MAGIC))
    return undefined;
  try {
    const iv = sealed.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
    const tag = sealed.subarray(MAGIC.length + IV_BYTES, MAGIC.length + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', keyBytes(key), iv);
    decipher.setAAD(MAGIC);
    decipher.setAuthTag(tag);
    return Buffer.concat([
      decipher.update(sealed.subarray(MAGIC.length + IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return undefined;
  }
}

function keyBytes(key: string): Buffer {
  const bytes = Buffer.from(key, 'base64');
  if (bytes.length !== 32) throw new Error('cache key of the wrong size');
  return bytes;
}
