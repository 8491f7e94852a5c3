import { BadInputError } from '../../core/errors.ts';
import { SHELLS } from '../completion/completion-spec.ts';
import { completeWords } from '../completion/complete-words.ts';
import { profileNamesForCompletion } from '../completion/profile-names.ts';
import { completionScript } from '../completion/shell-scripts.ts';
import type { Terminal } from '../terminal.ts';

/** Usage of `ctm completion`. */
export const COMPLETION_USAGE = 'ctm completion bash|zsh|fish|powershell';

const COMPLETION_HELP = `Prints a script that completes ctm's commands, flags and profile names in your shell:
  bash        source <(ctm completion bash)          (or save to ~/.local/share/bash-completion/completions/ctm)
  zsh         source <(ctm completion zsh)           (after compinit; or save as _ctm in your $fpath)
  fish        ctm completion fish | source          (or save to ~/.config/fish/completions/ctm.fish)
  powershell  ctm completion powershell | Out-String | Invoke-Expression   (or add it to your $PROFILE)
Profile names are read from profiles.json only; completion never touches the keychain.`;

/** `ctm completion SHELL`: prints the shell's completion script on stdout. */
export async function completionCommand(args: string[], terminal: Terminal): Promise<number> {
  const [shell, ...rest] = args;
  if (shell === '--help' || shell === '-h') {
    terminal.stdout.write(`Usage: ${COMPLETION_USAGE}\n\n${COMPLETION_HELP}\n`);
    return 0;
  }
  if (shell === undefined) throw new BadInputError(`Missing the shell.\nUsage: ${COMPLETION_USAGE}`);
  if (rest.length > 0) throw new BadInputError(`Unexpected argument "${rest[0]}".\nUsage: ${COMPLETION_USAGE}`);
  const known = SHELLS.find((s) => s === shell.toLowerCase() || (s === 'powershell' && shell.toLowerCase() === 'pwsh'));
  if (!known) throw new BadInputError(`ctm completion supports ${SHELLS.join(', ')} (got "${shell}").\nUsage: ${COMPLETION_USAGE}`);
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
