import type { Core } from '../../core/core.ts';
import { formatToken, TOKEN_FORMATS, TOKEN_KINDS } from '../../core/tokens/token-format.ts';
import { BadInputError } from '../../core/errors.ts';
import { parseFlags, oneOf } from '../parse.ts';
import { chosenProfile } from '../profile-choice.ts';
import type { Terminal } from '../terminal.ts';

/** Usage of `ctm token`. */
export const TOKEN_USAGE = 'ctm token [NAME] [--type access|id] [--format raw|header|env|powershell|fish|json|curl] [--json] [--min-ttl SECONDS]';

/** `ctm token NAME`: prints only the token on stdout, refreshing it first when it is expired or about to be. */
export async function tokenCommand(args: string[], core: () => Core, terminal: Terminal): Promise<number> {
  const { positionals, values } = parseFlags(args, { type: { type: 'string' }, format: { type: 'string' }, json: { type: 'boolean' }, 'min-ttl': { type: 'string' } }, TOKEN_USAGE);
  if (values.help) {
    terminal.stdout.write(`Usage: ${TOKEN_USAGE}\n`);
    return 0;
  }
  const kind = oneOf(values.type, TOKEN_KINDS, '--type', 'access');
  if (values.json && values.format !== undefined && values.format !== 'json') throw new BadInputError('--json is --format json; give one of them.');
  const format = values.json ? 'json' : oneOf(values.format, TOKEN_FORMATS, '--format', 'raw');
  const minTtl = values['min-ttl'] === undefined ? 0 : Number(values['min-ttl']);
  if (!Number.isFinite(minTtl) || minTtl < 0) throw new BadInputError('--min-ttl must be a number of seconds (0 or more).');
  const app = core();
  const profile = await chosenProfile(positionals, app, TOKEN_USAGE);
  const tokens = await app.sessions.tokens(profile.id, { minTtlMs: minTtl * 1000 });
  terminal.stdout.write(`${formatToken(tokens, kind, format, profile.name)}\n`);
  return 0;
}
