import { createHash, randomBytes } from 'node:crypto';

/** A PKCE pair (RFC 7636): the verifier stays here, the S256 challenge goes to /oauth2/authorize. */
export interface Pkce {
  verifier: string;
  challenge: string;
}

/** A fresh verifier of 32 random bytes (43 base64url characters, RFC 7636 §4.1) and its S256 challenge. */
export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: s256(verifier) };
}

/** BASE64URL(SHA256(ASCII(verifier))), RFC 7636 §4.2. */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** An unguessable value for `state` or `nonce` (128 bits). */
export function randomToken(): string {
  return randomBytes(16).toString('base64url');
}
