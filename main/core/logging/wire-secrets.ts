import { redactAlso } from './redactor.ts';

// The names under which Cognito's JSON API and the OAuth endpoints carry what a person typed or was given to keep:
// passwords, one-time codes, challenge answers, the TOTP secret (AssociateSoftwareToken's SecretCode), client secrets.
const SECRET_FIELD =
  /^(password|new_password|passwordverifier|.*_code|usercode|secretcode|answer|client_secret|code|code_verifier)$/i;

/**
 * Tells the redactor the exact secrets in one exchange with Cognito (request headers and body, and the answer), so a
 * log line or an error that repeats one (a Lambda trigger quoting the password) shows [redacted] instead. Never throws.
 */
export function rememberWireSecrets(headers: Record<string, string>, body: string, answer?: string): void {
  try {
    const authorization = headers.Authorization ?? headers.authorization;
    const basic = authorization && /^Basic\s+(\S+)$/i.exec(authorization)?.[1];
    if (basic) {
      const [, secret] = Buffer.from(basic, 'base64').toString('utf8').split(/:(.*)/s);
      redactAlso(secret, secret && decodeForm(secret));
    }
    for (const text of [body, answer]) if (text) collect(text);
  } catch {
    // Redaction help only: a body we cannot read is simply not looked into.
  }
}

function collect(text: string): void {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return walk(JSON.parse(trimmed) as unknown, 0);
  for (const [name, value] of new URLSearchParams(trimmed)) if (SECRET_FIELD.test(name)) redactAlso(value);
}

function walk(value: unknown, depth: number): void {
  if (depth > 4 || typeof value !== 'object' || value === null) return;
  for (const [name, item] of Object.entries(value)) {
    if (typeof item === 'string' && SECRET_FIELD.test(name)) redactAlso(item);
    else walk(item, depth + 1);
  }
}

function decodeForm(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
