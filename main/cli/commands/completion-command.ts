import { BadInputError } from '../../core/errors.ts';
import type { Core } from '../../core/core.ts';
import type { ParsedCommand } from '../spec/command-spec.ts';
import { type COMPLETION_SPEC, SHELLS } from '../spec/commands/completion-spec.ts';
import { didYouMean } from '../spec/nearest.ts';
import { completeWords } from '../completion/complete-words.ts';
import { profileNamesForCompletion } from '../completion/profile-names.ts';
import { completionScript } from '../completion/shell-scripts.ts';
import type { Terminal } from '../terminal.ts';

/** `ctm completion SHELL`: prints the shell's completion script on stdout. */
export async function completionCommand(
  { args }: ParsedCommand<typeof COMPLETION_SPEC>,
  _core: () => Core,
  terminal: Terminal,
): Promise<number> {
  const shell = (args[0] ?? '').toLowerCase();
  const known = SHELLS.find((s) => s === shell || (s === 'powershell' && shell === 'pwsh'));
  if (!known)
    throw new BadInputError(
      `ctm completion supports ${SHELLS.join(', ')} (got "${args[0] ?? ''}").${didYouMean(shell, SHELLS)} See: ctm completion --help`,
    );
  terminal.stdout.write(completionScript(known));
  return 0;
}

/** `ctm __complete -- WORDS... CURRENT` (hidden; the completion scripts call it): one candidate a line. */
export async function completeCommand(args: string[], terminal: Terminal): Promise<number> {
  const words = args[0] === '--' ? args.slice(1) : args;
  // PowerShell passes an empty current word as '""' (see its script).
  const typed = words.length > 0 && words.at(-1) === '""' ? [...words.slice(0, -1), ''] : words;
  const candidates = completeWords(typed.length > 0 ? typed : [''], () => profileNamesForCompletion());
  terminal.stdout.write(candidates.map((c) => `${c}\n`).join(''));
  return 0;
}
