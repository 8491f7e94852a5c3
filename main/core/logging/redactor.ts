import { plainText } from '../../shared/plain-text.ts';

/** What a redacted value is replaced with. */
export const REDACTED = '[redacted]';

// A JWT (access or ID token): three base64url parts, the first of which is a JSON header ("eyJ").
const JWT = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;
// Anything that looks like key material: 32+ characters of base64/base64url/hex in one run (refresh tokens, which
// Cognito sends as a five-part JWE, client secrets, SECRET_HASH, SRP values, device passwords).
const LONG_OPAQUE = /[\w+/=-]{32,}(?:\.[\w+/=-]{16,})*/g;
// `password=...`, `"refreshToken": "..."`, `Authorization: Bearer ...`: whatever follows a secret-sounding name.
const NAMED_SECRET =
  /((?:password|passwd|passphrase|secret|token|authorization|bearer|secret_hash|session|otp|usercode)[\w-]*["']?\s*[:=]\s*["']?)(?:(?:Bearer|Basic)\s+)?[^\s"',;}&]+/gi;
// `Bearer <token>` anywhere (an Authorization header copied into a message).
const BEARER = /\b(Bearer\s+)[^\s"',;]+/gi;
// `Basic <base64 of id:secret>` (RFC 7617): a client secret, however short.
const BASIC = /\b(Basic\s+)[A-Za-z0-9+/=._~-]+/gi;
// A quoted value after a secret-sounding name, spaces and all: `password: "correct horse battery"`.
const QUOTED_SECRET =
  /((?:password|passwd|passphrase|secret|token|otp|code|answer)[\w-]*["']?\s*[:=]\s*)(["'])(?:(?!\2).)*\2/gi;
// Field names whose value is always removed, whatever it looks like.
const SECRET_KEY =
  /password|passphrase|secret|token|authorization|session|srp_a|srp_b|challenge_?responses?|answer|code$|code_?verifier|otp|devicekey|device_key/i;

/** Secrets shorter than this are not looked for by value (they would match ordinary digits and words). */
const MIN_KNOWN_SECRET = 4;
/** The most exact secrets kept: a long-running app sees a few per sign-in; the oldest are let go past this. */
const MAX_KNOWN_SECRETS = 256;
const known = new Set<string>();

/**
 * Secrets this process was handed (a password, a client secret, a TOTP secret, a one-time code): from now on removed
 * wherever they appear, by value, whatever they look like (a password with spaces, a six-digit code). Patterns alone
 * cannot recognise them; a Lambda trigger's error may well repeat them.
 */
export function redactAlso(...secrets: unknown[]): void {
  for (const secret of secrets) {
    if (typeof secret !== 'string') continue;
    for (const value of new Set([secret, secret.trim()])) {
      if (value.length < MIN_KNOWN_SECRET || known.has(value)) continue;
      known.add(value);
      if (known.size > MAX_KNOWN_SECRETS) known.delete(known.values().next().value as string);
    }
  }
}

/** Removes only the exact secrets handed to redactAlso: for messages shown to a person, where paths and ids must stay. */
export function redactKnownSecrets(text: string): string {
  return removeKnown(text);
}

function removeKnown(text: string): string {
  if (known.size === 0) return text;
  let result = text;
  // Longest first, so a secret containing another is removed whole.
  for (const secret of [...known].sort((a, b) => b.length - a.length)) result = result.split(secret).join(REDACTED);
  return result;
}

/** Removes JWTs, refresh tokens, secrets and passwords from a line of text, and every control character (plain-text.ts). */
export function redactText(text: string): string {
  return removeKnown(plainText(text, Infinity))
    .replace(QUOTED_SECRET, `$1${REDACTED}`)
    .replace(BASIC, `$1${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(BEARER, `$1${REDACTED}`)
    .replace(NAMED_SECRET, `$1${REDACTED}`)
    .replace(LONG_OPAQUE, REDACTED);
}

/** A deep copy of `value` fit for a log: secret-named fields dropped, every string redacted, errors reduced to name and message. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object')
    return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  if (depth > 6) return '[nested]';
  if (value instanceof Error) {
    const kind = (value as { kind?: unknown }).kind;
    return { name: value.name, message: redactText(value.message), ...(typeof kind === 'string' ? { kind } : {}) };
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    result[key] = SECRET_KEY.test(key) ? REDACTED : redact(item, depth + 1);
  return result;
}
