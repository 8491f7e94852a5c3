import { BadInputError } from '../errors.ts';

/**
 * Quoting for the shells `ctm token --format` writes for. Tokens are checked where they enter (jwt-shape.ts) and hold
 * only base64url and dots, but these quote any text correctly anyway: what is evaluated must never depend on a check
 * made somewhere else. NUL cannot be held by any of them, and is refused.
 */

/** POSIX sh, bash, zsh: inside '...' nothing is special but ' itself, which is closed, escaped and reopened (POSIX 2.2.3). */
export function posixQuote(text: string): string {
  refuseNul(text);
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/** fish: inside '...' only \' and \\ are escapes (fish documentation, "Quotes"). */
export function fishQuote(text: string): string {
  refuseNul(text);
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/**
 * PowerShell: a single-quoted string ends at any single quotation mark, including the typographic ones U+2018, U+2019,
 * U+201A and U+201B; each is written twice to stand for itself (about_Quoting_Rules; the tokenizer's IsSingleQuote).
 */
export function powershellQuote(text: string): string {
  refuseNul(text);
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`;
}

/** An HTTP header's value: no CR, LF or NUL, which would end the header or the request (RFC 9110 §5.5). */
export function headerValue(text: string): string {
  if (/[\r\n\0]/.test(text))
    throw new BadInputError('This token cannot be written as an HTTP header: it holds a line break.');
  return text;
}

function refuseNul(text: string): void {
  if (text.includes('\0'))
    throw new BadInputError('This token cannot be written for a shell: it holds a NUL character.');
}
