/** A source of random bytes; the seam through which tests inject the private value a and device secrets. */
export type RandomBytes = (size: number) => Uint8Array;

/** Options of createSrpSession and deviceVerifier. */
export interface SrpRandomOptions {
  /** Defaults to crypto.randomBytes. */
  randomBytes?: RandomBytes;
}

/** Draws `size` bytes and checks the seam kept its promise. */
export function drawRandom(randomBytes: RandomBytes, size: number): Uint8Array {
  const bytes = randomBytes(size);
  if (bytes.length !== size) throw new RangeError(`randomBytes(${size}) returned ${bytes.length} bytes`);
  return bytes;
}
