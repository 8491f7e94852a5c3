import { BadInputError } from '../../core/errors.ts';
import { TOKEN_FORMATS, TOKEN_KINDS, type TokenFormat, type TokenKind } from '../../core/tokens/token-format.ts';
import { oneOf, parseFlags } from '../parse.ts';

/** Usage of `ctm token`. */
export const TOKEN_USAGE = 'ctm token [NAME] [--type access|id] [--format raw|header|env|powershell|fish|json|curl] [--json] [--min-ttl SECONDS] [--clip]';

const TOKEN_FLAGS = {
  type: { type: 'string' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  'min-ttl': { type: 'string' },
  clip: { type: 'boolean' },
} as const;

/** What `ctm token` was asked for, checked; shared by the full command and the fast cached path. */
export interface TokenRequest {
  help: boolean;
  positionals: string[];
  kind: TokenKind;
  format: TokenFormat;
  minTtlMs: number;
  /** Copy to the clipboard (cleared after the app's delay) instead of printing. */
  clip: boolean;
}

/** Parses `ctm token`'s arguments; bad ones are a BadInputError. Kept light: the cached path loads it first. */
export function parseTokenRequest(args: string[]): TokenRequest {
  const { positionals, values } = parseFlags(args, TOKEN_FLAGS, TOKEN_USAGE);
  if (values.help) return { help: true, positionals, kind: 'access', format: 'raw', minTtlMs: 0, clip: false };
  const kind = oneOf(values.type, TOKEN_KINDS, '--type', 'access');
  if (values.json && values.format !== undefined && values.format !== 'json') throw new BadInputError('--json is --format json; give one of them.');
  const format = values.json ? 'json' : oneOf(values.format, TOKEN_FORMATS, '--format', 'raw');
  const minTtl = values['min-ttl'] === undefined ? 0 : Number(values['min-ttl']);
  if (!Number.isFinite(minTtl) || minTtl < 0) throw new BadInputError('--min-ttl must be a number of seconds (0 or more).');
  return { help: false, positionals, kind, format, minTtlMs: minTtl * 1000, clip: values.clip === true };
}
