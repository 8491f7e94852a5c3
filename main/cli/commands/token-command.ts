import type { Core } from '../../core/core.ts';
import { formatToken } from '../../core/tokens/token-format.ts';
import { clipWithClear } from '../../clipboard/clip-token.ts';
import { chosenProfile } from '../profile-choice.ts';
import { whileWaiting } from '../progress.ts';
import type { Terminal } from '../terminal.ts';
import type { ParsedCommand } from '../spec/command-spec.ts';
import type { TOKEN_SPEC } from '../spec/commands/token-spec.ts';
import { tokenRequest } from './token-request.ts';
import { minTtlWarning } from '../min-ttl-warning.ts';

/** `ctm token NAME`: prints only the token on stdout (or copies it with --clip), refreshing it first when it is expired or about to be. */
export async function tokenCommand(
  input: ParsedCommand<typeof TOKEN_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  const request = tokenRequest(input);
  const app = core();
  const profile = await chosenProfile(request.positionals, app);
  const tokens = await whileWaiting(
    terminal,
    `Getting a token for ${profile.name}…`,
    app.tokens(profile.id, { minTtlMs: request.minTtlMs }),
  );
  const text = formatToken(tokens, request.kind, request.format, profile.name);
  const warning = minTtlWarning(tokens, request.minTtlMs, profile.name);
  if (warning) terminal.stderr.write(warning);
  if (!request.clip) {
    terminal.stdout.write(`${text}\n`);
    return 0;
  }
  const { clearSeconds, concealed } = await clipWithClear(text, app.configDir);
  // As the tray says it; stdout stays empty so nothing of the token reaches a pipe or a terminal's scroll-back.
  const kind = request.kind === 'id' ? 'ID' : 'Access';
  const note = concealed ? '' : ' (this clipboard tool cannot mark it secret: a clipboard history may keep it)';
  terminal.stderr.write(`${kind} token of ${profile.name} copied; the clipboard clears in ${clearSeconds} s${note}.\n`);
  return 0;
}
