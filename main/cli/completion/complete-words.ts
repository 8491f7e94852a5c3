import { COMMAND_SPECS, COMMANDS, SHELLS, SUBCOMMANDS, type CommandSpec } from './completion-spec.ts';

/**
 * The candidates for the last of `words` (the words after `ctm`, the last one being the one under the cursor,
 * possibly ""), filtered by what is already typed. One function for every shell: the scripts only pass words in
 * and print what comes back. `profileNames` is called only when a profile name can come next.
 */
export function completeWords(words: readonly string[], profileNames: () => string[]): string[] {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  const matching = (candidates: readonly string[]): string[] => candidates.filter((c) => c.startsWith(current));
  if (before.includes('--')) return []; // the command `ctm exec` runs: left to the shell's own completion
  const [command, ...rest] = before;
  if (command === undefined) return matching(current.startsWith('-') ? ['--help', '--version'] : COMMANDS);
  if (command === 'help') return rest.length === 0 ? matching(COMMANDS.filter((c) => c !== 'help')) : [];
  const subcommands = Object.hasOwn(SUBCOMMANDS, command) ? SUBCOMMANDS[command] : undefined;
  if (subcommands && rest[0] === undefined) return matching(subcommands);
  const key = subcommands ? `${command} ${normalSub(rest[0] ?? '')}` : command;
  const spec = COMMAND_SPECS[key];
  if (!spec) return [];
  const args = subcommands ? rest.slice(1) : rest;
  const flagValue = valueWanted(spec, args.at(-1));
  if (flagValue !== undefined) return flagValue === 'any' ? [] : matching(flagValue);
  if (current.startsWith('-')) return matching([...Object.keys(spec.flags).map((f) => `--${f}`), '--help', ...(command === 'exec' ? ['--'] : [])]);
  const given = positionalCount(spec, args);
  switch (spec.positional) {
    case 'profile':
      return given === 0 ? matching(profileNames()) : [];
    case 'profiles':
      return matching(profileNames().filter((name) => !args.includes(name)));
    case 'shell':
      return given === 0 ? matching(SHELLS) : [];
    default:
      return [];
  }
}

function normalSub(sub: string): string {
  return sub === 'ls' ? 'list' : sub === 'rm' ? 'remove' : sub;
}

/** When the previous word is a flag that takes a value, what that value may be. */
function valueWanted(spec: CommandSpec, previous: string | undefined): readonly string[] | 'any' | undefined {
  if (!previous?.startsWith('--') || previous.includes('=')) return undefined;
  const value = spec.flags[previous.slice(2)];
  return value === undefined || value === 'switch' ? undefined : value;
}

function positionalCount(spec: CommandSpec, args: readonly string[]): number {
  let count = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('-')) count += 1;
    else if (valueWanted(spec, arg) !== undefined) i += 1; // skip the flag's value
  }
  return count;
}
