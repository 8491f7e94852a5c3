import { GROUPS, lookUp, subcommandsOf, topLevelNames } from '../spec/all-specs.ts';
import type { CommandSpec, FlagSpec } from '../spec/command-spec.ts';
import { SHELLS } from '../spec/commands/completion-spec.ts';

/**
 * The candidates for the last of `words` (the words after `ctm`, the last one being the one under the cursor,
 * possibly ""), filtered by what is already typed, from the command specs. One function for every shell: the
 * scripts only pass words in and print what comes back. `profileNames` is called only when a profile name can come next.
 */
export function completeWords(words: readonly string[], profileNames: () => string[]): string[] {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  const matching = (candidates: readonly string[]): string[] => candidates.filter((c) => c.startsWith(current));
  if (before.includes('--')) return []; // the command `ctm exec` runs: left to the shell's own completion
  if (before.length === 0)
    return matching(current.startsWith('-') ? ['--help', '--version', '--debug'] : topLevelNames());
  const found = lookUp(before.filter((word) => word !== '--debug'));
  if (!found) return [];
  if ('group' in found)
    return found.rest.length === 0 ? matching(subcommandsOf(found.group).map((s) => s.name.split(' ')[1] ?? '')) : [];
  const { spec, rest } = found;
  const flagValue = valueWanted(spec, rest.at(-1));
  // Fixed values are matched as the parser matches them: in any case.
  if (flagValue !== undefined) return flagValue.filter((c) => c.toLowerCase().startsWith(current.toLowerCase()));
  if (current.startsWith('-')) return matching([...flagWords(spec), '--help', ...(spec.passThrough ? ['--'] : [])]);
  return matching(argumentWords(spec, rest, profileNames));
}

/** Every spelling of the command's flags, `--no-` forms included. */
function flagWords(spec: CommandSpec): string[] {
  return Object.entries(spec.flags).flatMap(([name, flag]) => [
    `--${name}`,
    ...(flag.negatable ? [`--no-${name}`] : []),
  ]);
}

/** What the next argument may be, once as many as the spec takes have not been given yet. */
function argumentWords(spec: CommandSpec, rest: readonly string[], profileNames: () => string[]): string[] {
  const args = spec.args;
  const given = positionals(spec, rest);
  if (!args || given.length >= args.max) return [];
  switch (args.kind) {
    case 'profile':
      return profileNames().filter((name) => !given.includes(name));
    case 'shell':
      return [...SHELLS];
    case 'command':
      return given.length === 0
        ? topLevelNames()
        : Object.hasOwn(GROUPS, given[0] ?? '') && given.length === 1
          ? subcommandsOf(given[0] ?? '').map((s) => s.name.split(' ')[1] ?? '')
          : [];
    default:
      return [];
  }
}

function flagOf(spec: CommandSpec, word: string): FlagSpec | undefined {
  if (!word.startsWith('-') || word.includes('=')) return undefined;
  const name = word.replace(/^--?/, '');
  const long = Object.hasOwn(spec.flags, name) ? spec.flags[name] : undefined;
  return long ?? Object.values(spec.flags).find((flag) => flag.short === name);
}

/** When the previous word is a flag that takes a value, the values it takes (none listed: nothing to offer). */
function valueWanted(spec: CommandSpec, previous: string | undefined): readonly string[] | undefined {
  const flag = previous === undefined ? undefined : flagOf(spec, previous);
  if (!flag || flag.type !== 'string') return undefined;
  return flag.choices ?? [];
}

function positionals(spec: CommandSpec, words: readonly string[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (!word.startsWith('-') || word === '-') found.push(word);
    else if (flagOf(spec, word)?.type === 'string') i += 1; // skip the flag's value
  }
  return found;
}
