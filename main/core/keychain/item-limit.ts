import { KeychainError } from '../errors.ts';

/**
 * The largest secret one keychain item may hold, in bytes of UTF-8 (what keytar writes). Windows' Credential Manager
 * refuses a CredentialBlob over CRED_MAX_CREDENTIAL_BLOB_SIZE = 5 * 512 bytes (learn.microsoft.com, CREDENTIALW,
 * CredentialBlobSize); macOS and the Secret Service take more, but every platform is held to the smallest limit.
 */
export const MAX_ITEM_BYTES = 2_560;

/** Refuses, before the keychain sees it, a secret that would not fit in one item on every platform. */
export function assertFitsOneItem(what: string, secret: string): void {
  const bytes = Buffer.byteLength(secret, 'utf8');
  if (bytes > MAX_ITEM_BYTES) {
    throw new KeychainError(
      `The ${what} is ${bytes} bytes, more than the ${MAX_ITEM_BYTES} bytes one keychain item can hold on Windows, so it was not stored. Nothing stored was changed.`,
    );
  }
}

/** Splits a secret into pieces of at most MAX_ITEM_BYTES of UTF-8 each, never inside a character. */
export function splitForItems(secret: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  let bytes = 0;
  for (const character of secret) {
    const size = Buffer.byteLength(character, 'utf8');
    if (bytes + size > MAX_ITEM_BYTES) {
      pieces.push(piece);
      piece = '';
      bytes = 0;
    }
    piece += character;
    bytes += size;
  }
  if (piece !== '' || pieces.length === 0) pieces.push(piece);
  return pieces;
}
