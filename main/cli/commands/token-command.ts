import type { Core } from '../../core/core.ts';
import { formatToken } from '../../core/tokens/token-format.ts';
import { chosenProfile } from '../profile-choice.ts';
import { whileWaiting } from '../progress.ts';
import type { Terminal } from '../terminal.ts';
import { parseTokenRequest, TOKEN_USAGE } from './token-request.ts';

export { TOKEN_USAGE };

/** `ctm token NAME`: prints only the token on stdout, refreshing it first when it is expired or about to be. */
export async function tokenCommand(args: string[], core: () => Core, terminal: Terminal): Promise<number> {
  const request = parseTokenRequest(args);
  if (request.help) {
    terminal.stdout.write(`Usage: ${TOKEN_USAGE}\n`);
    return 0;
  }
  const app = core();
  const profile = await chosenProfile(request.positionals, app, TOKEN_USAGE);
  const tokens = await whileWaiting(terminal, `Getting a token for ${profile.name}…`, app.sessions.tokens(profile.id, { minTtlMs: request.minTtlMs }));
  terminal.stdout.write(`${formatToken(tokens, request.kind, request.format, profile.name)}\n`);
  return 0;
}
