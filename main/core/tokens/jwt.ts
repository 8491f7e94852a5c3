/** The claims of a JWT, read without verifying it (verification belongs to the token inspector). */
export type JwtClaims = Record<string, unknown> & { exp?: number; iat?: number; sub?: string };

/** Decodes a JWT's payload; returns undefined for anything that is not a three-part JWT with a JSON object payload. */
export function decodeJwtClaims(token: string): JwtClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as JwtClaims) : undefined;
  } catch {
    return undefined;
  }
}
