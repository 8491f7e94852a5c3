import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BadInputError } from '../core/errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's flags strictly: an unknown flag or a missing value is a usage error, not a crash. */
export function parseFlags<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, allowNegative: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : 'bad arguments';
    throw new BadInputError(`${message}\nUsage: ${usage}`);
  }
}

/** The one positional argument a command needs (usually a profile name). */
export function onePositional(positionals: string[], what: string, usage: string): string {
  const [value, ...rest] = positionals;
  if (!value) throw new BadInputError(`Missing ${what}.\nUsage: ${usage}`);
  if (rest.length > 0) throw new BadInputError(`Unexpected argument "${rest[0]}".\nUsage: ${usage}`);
  return value;
}

/** Checks that a flag's value is one of the allowed ones. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new BadInputError(`${flag} must be one of ${allowed.join(', ')} (got "${value}").`);
}
