/**
 * What cannot reach a person's terminal, log or notification from outside: C0 controls (ESC starts the sequences that
 * retitle a terminal, clear it or rewrite what it shows), DEL, C1 controls (0x9b is a one-byte CSI), and the Unicode
 * bidirectional controls that reorder what is displayed (CVE-2021-42574, "Trojan Source").
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /\s*[\t\n\r\u2028\u2029]\s*/g;

/**
 * Server-supplied text (a Cognito `message`, an OAuth `error_description`, a redirect's `error`) as it may be shown: every
 * control character removed, tabs and line breaks made single spaces, at most `maxLength` characters (an ellipsis marks
 * a cut). The one helper used wherever such text meets a terminal, a log or a notification.
 */
export function plainText(text: unknown, maxLength = 500): string {
  const plain = String(text ?? '')
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROLS, '');
  return plain.length > maxLength ? `${plain.slice(0, maxLength - 1)}…` : plain;
}
