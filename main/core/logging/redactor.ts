import { plainText } from '../../shared/plain-text.ts';

/** What a redacted value is replaced with. */
export const REDACTED = '[redacted]';

// A JWT (access or ID token): three base64url parts, the first of which is a JSON header ("eyJ").
const JWT = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;
// Anything that looks like key material: 32+ characters of base64/base64url/hex in one run (refresh tokens, which
// Cognito sends as a five-part JWE, client secrets, SECRET_HASH, SRP values, device passwords).
const LONG_OPAQUE = /[\w+/=-]{32,}(?:\.[\w+/=-]{16,})*/g;
// `password=...`, `"refreshToken": "..."`, `Authorization: Bearer ...`: whatever follows a secret-sounding name.
const NAMED_SECRET = /((?:password|passwd|secret|token|authorization|bearer|secret_hash|session)[\w-]*["']?\s*[:=]\s*["']?)(?:Bearer\s+)?[^\s"',;}&]+/gi;
// `Bearer <token>` anywhere (an Authorization header copied into a message).
const BEARER = /\b(Bearer\s+)[^\s"',;]+/gi;
// Field names whose value is always removed, whatever it looks like.
const SECRET_KEY = /password|secret|token|authorization|session|srp_a|srp_b|challenge_?responses?|answer|code$|devicekey|device_key/i;

/** Removes JWTs, refresh tokens, secrets and passwords from a line of text, and every control character (plain-text.ts). */
export function redactText(text: string): string {
  return plainText(text, Infinity).replace(JWT, REDACTED).replace(BEARER, `$1${REDACTED}`).replace(NAMED_SECRET, `$1${REDACTED}`).replace(LONG_OPAQUE, REDACTED);
}

/** A deep copy of `value` fit for a log: secret-named fields dropped, every string redacted, errors reduced to name and message. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  if (depth > 6) return '[nested]';
  if (value instanceof Error) {
    const kind = (value as { kind?: unknown }).kind;
    return { name: value.name, message: redactText(value.message), ...(typeof kind === 'string' ? { kind } : {}) };
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) result[key] = SECRET_KEY.test(key) ? REDACTED : redact(item, depth + 1);
  return result;
}
