// The one set of copy formats the window, the tray and ctm offer: names, labels and what each looks like (never a
// token: main writes the text, main/core/tokens/token-format.ts).

/** Which token of a session, as `ctm token --type` spells it; the IPC contract and the core take this list. */
export const TOKEN_KINDS = ['access', 'id'] as const;
/** Which token of a session. */
export type TokenKind = (typeof TOKEN_KINDS)[number];

/**
 * How a token is written out, as `ctm token --format` spells it: bare, as an HTTP header, as a POSIX shell, PowerShell
 * or fish export, as JSON, or as a curl line (main/core/tokens/token-format.ts writes them).
 */
export const TOKEN_FORMATS = ['raw', 'header', 'env', 'powershell', 'fish', 'json', 'curl'] as const;
/** A copy format's name. */
export type TokenFormat = (typeof TOKEN_FORMATS)[number];

/** The shells "copy as AWS exports" writes for (main/core/aws/aws-exports.ts). */
export const AWS_EXPORT_SHELLS = ['env', 'powershell', 'fish'] as const;
/** One of them. */
export type AwsExportShell = (typeof AWS_EXPORT_SHELLS)[number];

/** One format as menus show it. */
export interface CopyFormatInfo {
  format: TokenFormat;
  /** The menu's words: "Token", "Authorization header", ... */
  label: string;
  /** What the clipboard will hold, with the token elided. */
  shape: string;
}

/** Every format, in menu order: the token alone first (what one click copies). */
export const COPY_FORMATS: readonly CopyFormatInfo[] = [
  { format: 'raw', label: 'Token', shape: 'eyJraWQ\u2026' },
  { format: 'header', label: 'Authorization header', shape: 'Authorization: Bearer eyJ\u2026' },
  { format: 'curl', label: 'curl command', shape: "curl -H 'Authorization: Bearer eyJ\u2026' " },
  { format: 'env', label: 'Shell export', shape: "export CTM_ACCESS_TOKEN='eyJ\u2026'" },
  { format: 'powershell', label: 'PowerShell variable', shape: "$env:CTM_ACCESS_TOKEN = 'eyJ\u2026'" },
  { format: 'fish', label: 'fish export', shape: "set -gx CTM_ACCESS_TOKEN 'eyJ\u2026'" },
  { format: 'json', label: 'JSON with expiry', shape: '{"profile":\u2026,"token":"eyJ\u2026"}' },
];

/** A choice of token and format ("the ID token as an Authorization header"). */
export interface CopyChoice {
  kind: TokenKind;
  format: TokenFormat;
}

/** "access token", "ID token as Authorization header": the words for a copy in buttons and confirmations. */
export function describeCopy(choice: CopyChoice): string {
  const token = choice.kind === 'id' ? 'ID token' : 'access token';
  if (choice.format === 'raw') return token;
  const info = COPY_FORMATS.find((f) => f.format === choice.format);
  return `${token} as ${info ? info.label.replace(/ \(.*\)$/, '') : choice.format}`;
}

/** Whether a value names a format (for reading a remembered choice back). */
export function isCopyFormat(value: unknown): value is TokenFormat {
  return COPY_FORMATS.some((f) => f.format === value);
}
