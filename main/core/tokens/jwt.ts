import { decodeJwt } from 'jose';

/** The claims of a JWT, read without verifying it (verification belongs to the token inspector). */
export type JwtClaims = Record<string, unknown> & { exp?: number; iat?: number; sub?: string };

/**
 * Decodes a JWT's payload with jose (the library that also verifies tokens in the inspector), so the app has one JWT
 * decoder; returns undefined for anything that is not a compact JWT with a JSON object payload.
 */
export function decodeJwtClaims(token: string): JwtClaims | undefined {
  try {
    return decodeJwt(token) as JwtClaims;
  } catch {
    return undefined;
  }
}
