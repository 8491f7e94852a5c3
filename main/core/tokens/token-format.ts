import { BadInputError } from '../errors.ts';
import { fishQuote, headerValue, posixQuote, powershellQuote } from './shell-quote.ts';
import type { TokenFormat, TokenKind } from '../../shared/copy-formats.ts';
import type { TokenSet } from './token-set.ts';

// The kinds and formats are declared once in main/shared (the window's menus and the IPC contract take them too).
export { TOKEN_FORMATS, TOKEN_KINDS, type TokenFormat, type TokenKind } from '../../shared/copy-formats.ts';

/** The chosen token of a session; an ID token is not always issued. */
export function pickToken(tokens: TokenSet, kind: TokenKind): string {
  const token = kind === 'id' ? tokens.idToken : tokens.accessToken;
  if (!token) throw new BadInputError('This session has no ID token (the sign-in did not return one).');
  return token;
}

/** The environment variable a token is exported as: CTM_ACCESS_TOKEN or CTM_ID_TOKEN. */
export function envName(kind: TokenKind): string {
  return kind === 'id' ? 'CTM_ID_TOKEN' : 'CTM_ACCESS_TOKEN';
}

/** Writes a token in a format; the same text goes to stdout (`ctm token`) and to the clipboard (tray, window). */
export function formatToken(tokens: TokenSet, kind: TokenKind, format: TokenFormat, profileName: string): string {
  const token = pickToken(tokens, kind);
  switch (format) {
    case 'raw':
      return token;
    case 'header':
      return `Authorization: Bearer ${headerValue(token)}`;
    // Quoted whatever the token holds: these lines are evaluated by shells (`eval "$(ctm token --format env)"`).
    case 'env':
      return `export ${envName(kind)}=${posixQuote(token)}`;
    case 'powershell':
      return `$env:${envName(kind)} = ${powershellQuote(token)}`;
    case 'fish':
      return `set -gx ${envName(kind)} ${fishQuote(token)}`;
    case 'curl':
      return `curl -H ${posixQuote(`Authorization: Bearer ${headerValue(token)}`)} `;
    case 'json':
      return JSON.stringify({
        profile: profileName,
        type: kind,
        token,
        tokenType: tokens.tokenType,
        expiresAt: new Date(tokens.expiresAt).toISOString(),
      });
  }
}
