/** A token longer than this is refused: Cognito's largest (many groups, many custom attributes) stay far below it. */
export const MAX_JWT_LENGTH = 64 * 1024;

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Why `token` is not a well-formed compact JWT (RFC 7519 §7.2: three base64url parts, the first a JSON header naming
 * its `alg`, the second a JSON object of claims), or undefined when it is. Cheap enough for the cached `ctm token` path:
 * no library, no crypto. A token that passes holds only base64url characters and dots, so no shell, header or
 * terminal can read anything else into it.
 */
export function jwtShapeProblem(token: unknown): string | undefined {
  if (typeof token !== 'string' || token === '') return 'it is empty';
  if (token.length > MAX_JWT_LENGTH) return `it is longer than ${MAX_JWT_LENGTH} characters`;
  if (!COMPACT_JWS.test(token)) return 'it is not three base64url parts joined by dots';
  const [header, payload] = token.split('.');
  const headerValue = jsonPart(header);
  if (headerValue === undefined || typeof headerValue.alg !== 'string')
    return 'its header is not a JSON object naming an algorithm';
  if (jsonPart(payload) === undefined) return 'its payload is not a JSON object';
  return undefined;
}

/** True when `token` is a well-formed compact JWT (see jwtShapeProblem). */
export function isWellFormedJwt(token: unknown): token is string {
  return jwtShapeProblem(token) === undefined;
}

function jsonPart(part: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
