import { BadInputError } from '../../core/errors.ts';
import type { TokenFormat, TokenKind } from '../../core/tokens/token-format.ts';
import type { ParsedCommand } from '../spec/command-spec.ts';
import { TOKEN_SPEC } from '../spec/commands/token-spec.ts';
import { parseCommand } from '../spec/parse-command.ts';

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
  const parsed = parseCommand(TOKEN_SPEC, args);
  if ('help' in parsed) return { help: true, positionals: [], kind: 'access', format: 'raw', minTtlMs: 0, clip: false };
  return tokenRequest(parsed);
}

/** The checked request from parsed flags. */
export function tokenRequest({ values, args }: ParsedCommand<typeof TOKEN_SPEC>): TokenRequest {
  if (values.json && values.format !== undefined && values.format !== 'json')
    throw new BadInputError(
      `--json is --format json; give one of them (got --format ${values.format}). See: ctm token --help`,
    );
  const format = (values.json ? 'json' : (values.format ?? 'raw')) as TokenFormat;
  return {
    help: false,
    positionals: args,
    kind: (values.type ?? 'access') as TokenKind,
    format,
    minTtlMs: minTtlMs(values['min-ttl']),
    clip: values.clip === true,
  };
}

/** --min-ttl SECONDS as milliseconds (0 when not given). */
export function minTtlMs(value: string | undefined): number {
  if (value === undefined) return 0;
  const seconds = /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(seconds))
    throw new BadInputError(`--min-ttl takes a number of seconds, 0 or more (got "${value}").`);
  return seconds * 1000;
}
