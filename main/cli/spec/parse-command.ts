import { BadInputError } from '../../core/errors.ts';
import { valueLabel, type CommandSpec, type FlagSpec, type ParsedCommand } from './command-spec.ts';
import { didYouMean } from './nearest.ts';

/** `--help` or `-h` was given: the caller prints the command's help instead of running it. */
export interface HelpWanted {
  help: true;
}

/**
 * Parses `args` (the words after the command's name) against its spec, with ctm's own messages (Node's parser messages
 * never reach the user): an unknown flag suggests the nearest, a missing value names the flag and what it takes, a
 * fixed value is matched case-insensitively and handed on as the spec spells it. `--help` anywhere before `--` wins.
 */
export function parseCommand<S extends CommandSpec>(spec: S, args: readonly string[]): ParsedCommand<S> | HelpWanted {
  const end = spec.passThrough === undefined ? -1 : args.indexOf('--');
  const own = end === -1 ? args : args.slice(0, end);
  if (own.some((arg) => arg === '--help' || arg === '-h')) return { help: true };
  const values: Record<string, string | boolean | string[]> = {};
  const positionals: string[] = [];
  for (let i = 0; i < own.length; i++) {
    const arg = own[i] ?? '';
    if (arg === '--' || arg === '-' || !arg.startsWith('-')) {
      if (arg !== '--') positionals.push(arg);
      continue;
    }
    const [name, inline] = splitFlag(arg);
    const found = findFlag(spec, name);
    if (!found) throw unknownFlag(spec, arg, name);
    const [key, flag, negated] = found;
    if (flag.type === 'boolean') {
      if (inline !== undefined) throw problem(spec, `--${name} takes no value (got "${arg}").`);
      values[key] = !negated;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = own[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2 && findFlag(spec, splitFlag(next)[0]))) {
        throw problem(
          spec,
          `--${key} needs a value (${valueLabel(flag)})${next === undefined ? '' : `, but "${next}" is another flag; if the value starts with a dash, write --${key}=VALUE`}.`,
        );
      }
      value = next;
      i += 1;
    }
    const checked = checkedValue(spec, key, flag, value);
    if (flag.multiple) values[key] = [...((values[key] as string[] | undefined) ?? []), checked];
    else values[key] = checked;
  }
  checkArgCount(spec, positionals);
  return { values, args: positionals, passThrough: end === -1 ? [] : args.slice(end + 1) } as ParsedCommand<S>;
}

function splitFlag(arg: string): [string, string | undefined] {
  const bare = arg.replace(/^--?/, '');
  const at = bare.indexOf('=');
  return at === -1 ? [bare, undefined] : [bare.slice(0, at), bare.slice(at + 1)];
}

/** The flag a name stands for: its key, its spec, and whether it was the --no- form. */
function findFlag(spec: CommandSpec, name: string): [string, FlagSpec, boolean] | undefined {
  const direct = Object.hasOwn(spec.flags, name) ? spec.flags[name] : undefined;
  if (direct) return [name, direct, false];
  const short = Object.entries(spec.flags).find(([, flag]) => flag.short !== undefined && flag.short === name);
  if (short) return [short[0], short[1], false];
  const positive = name.startsWith('no-') ? name.slice(3) : undefined;
  const negatable = positive !== undefined && Object.hasOwn(spec.flags, positive) ? spec.flags[positive] : undefined;
  return positive !== undefined && negatable?.negatable ? [positive, negatable, true] : undefined;
}

/** Every spelling a command accepts, for suggestions. */
export function flagSpellings(spec: CommandSpec): string[] {
  return Object.entries(spec.flags).flatMap(([name, flag]) => [
    `--${name}`,
    ...(flag.negatable ? [`--no-${name}`] : []),
  ]);
}

function unknownFlag(spec: CommandSpec, arg: string, name: string): BadInputError {
  const typed = arg.startsWith('--') ? `--${name}` : `-${name}`;
  return problem(spec, `Unknown flag ${typed}.${didYouMean(typed, flagSpellings(spec))}`);
}

function checkedValue(spec: CommandSpec, key: string, flag: FlagSpec, value: string): string {
  const refusal = Object.entries(flag.refused ?? {}).find(([refused]) => refused.toLowerCase() === value.toLowerCase());
  if (refusal) throw problem(spec, `--${key} ${refusal[0]}: ${refusal[1]}`);
  if (!flag.choices || (value === '' && flag.clearable)) return value;
  const choice = flag.choices.find((c) => c.toLowerCase() === value.toLowerCase());
  if (choice !== undefined) return choice;
  throw problem(spec, `--${key} takes ${flag.choices.join(', ')} (got "${value}").${didYouMean(value, flag.choices)}`);
}

function checkArgCount(spec: CommandSpec, positionals: string[]): void {
  const args = spec.args;
  const max = args?.max ?? 0;
  if (positionals.length > max) {
    const takes = args ? `takes ${args.label}` : 'takes no arguments';
    throw problem(spec, `Unexpected argument "${positionals[max] ?? ''}": ctm ${spec.name} ${takes}.`);
  }
  if (args && positionals.length < args.min) throw problem(spec, `Missing ${args.what} (${args.label}).`);
}

/** A usage error about this command, ending with where its flags are described. */
export function problem(spec: CommandSpec, message: string): BadInputError {
  return new BadInputError(`${message} See: ctm ${spec.name} --help`);
}
