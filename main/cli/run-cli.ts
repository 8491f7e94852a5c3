import type { Core } from '../core/core.ts';
import { asCtmError, BadInputError } from '../core/errors.ts';
import { CLIP_CLEAR_COMMAND } from '../clipboard/clip-token.ts';
import { COMMAND_TABLE } from './command-table.ts';
import { clipClearCommand } from './commands/clip-clear-command.ts';
import { completeCommand } from './commands/completion-command.ts';
import { exitCodeForError } from './error-exit-code.ts';
import { EXIT } from './exit-codes.ts';
import { ALL_SPECS, GROUPS, lookUp, subcommandsOf, topLevelNames } from './spec/all-specs.ts';
import { didYouMean } from './spec/nearest.ts';
import { commandHelp, groupHelp, overviewHelp } from './spec/render-help.ts';
import { PromptInterruptedError, type Terminal } from './terminal.ts';
import { CTM_VERSION } from './version.ts';
import { plainText } from '../shared/plain-text.ts';

type Internal = (args: string[], terminal: Terminal) => Promise<number>;
/** Commands only ctm itself calls (the completion scripts, the clipboard clearer): no spec, no help, never offered. */
const INTERNAL: Record<string, Internal> = {
  __complete: completeCommand,
  [CLIP_CLEAR_COMMAND]: clipClearCommand,
};

/** Runs one `ctm` invocation and returns its exit code; errors become one line on stderr, never a stack trace or a secret. */
export async function runCli(
  argv: string[],
  makeCore: () => Core,
  terminal: Terminal,
  options: { debug?: boolean } = {},
): Promise<number> {
  let core: Core | undefined;
  const lazyCore = (): Core => (core ??= makeCore());
  try {
    return await dispatch(argv, lazyCore, terminal);
  } catch (error) {
    if (error instanceof PromptInterruptedError) return EXIT.interrupted;
    const problem = asCtmError(error);
    if (options.debug && problem.kind === 'internal')
      terminal.stderr.write(`ctm debug: ${errorFacts(problem.cause ?? error)}\n`);
    terminal.stderr.write(`ctm: ${plainText(oneLine(problem.message), Infinity)}\n`);
    return exitCodeForError(problem);
  }
}

async function dispatch(argv: string[], core: () => Core, terminal: Terminal): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || (first === 'help' && rest.length === 0)) {
    terminal.stdout.write(overviewHelp());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '--version' || first === '-V' || first === 'version') {
    terminal.stdout.write(`ctm ${CTM_VERSION}\n`);
    return EXIT.ok;
  }
  const internal = Object.hasOwn(INTERNAL, first) ? INTERNAL[first] : undefined;
  if (internal) return internal(rest, terminal);
  // "ctm help profile add" is "ctm profile add --help".
  if (first === 'help') return showHelp(rest[0] === '--help' || rest[0] === '-h' ? ['help'] : rest, terminal);
  const found = lookUp(argv);
  if (!found) throw unknownCommand(argv);
  if ('group' in found) {
    const [sub] = found.rest;
    if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
      terminal.stdout.write(groupHelp(found.group));
      return sub === undefined ? EXIT.usage : EXIT.ok;
    }
    throw unknownCommand(argv);
  }
  const command = COMMAND_TABLE.find((c) => c.spec === found.spec);
  if (!command) throw new BadInputError(`"ctm ${found.spec.name}" has no handler.`);
  return command.run(found.rest, core, terminal);
}

function showHelp(words: string[], terminal: Terminal): number {
  const found = lookUp(words);
  if (!found || (found.rest.length > 0 && !('group' in found))) throw unknownCommand(words);
  if ('group' in found && found.rest.length > 0) throw unknownCommand(words);
  terminal.stdout.write('group' in found ? groupHelp(found.group) : commandHelp(found.spec));
  return EXIT.ok;
}

/** An unknown command or subcommand, with the nearest known one. */
function unknownCommand(words: readonly string[]): BadInputError {
  const [first = '', second = ''] = words;
  if (Object.hasOwn(GROUPS, first)) {
    const subs = subcommandsOf(first).map((s) => s.name.split(' ')[1] ?? '');
    return new BadInputError(
      `Unknown command "${first} ${second}".${didYouMean(second, subs, (s) => `"ctm ${first} ${s}"`)} See: ctm ${first} --help`,
    );
  }
  if (first.startsWith('-')) return new BadInputError(`Unknown flag ${first} before a command. See: ctm --help`);
  const names = [...topLevelNames(), ...ALL_SPECS.flatMap((s) => s.aliases ?? [])];
  return new BadInputError(
    `Unknown command "${first}".${didYouMean(first, names, (s) => `"ctm ${s}"`)} See: ctm --help`,
  );
}

/**
 * What --debug shows of an unexpected error: its class, code, syscall and path (a file or socket path, never a
 * secret); never its message or stack, which may quote what it was handling. The class is the error's `name`, which
 * ours state (main/core/errors.ts): the minified bundle's `constructor.name` would be a letter or two.
 */
export function errorFacts(error: unknown): string {
  if (!(error instanceof Error)) return `a thrown ${typeof error} (not an Error)`;
  const { code, syscall, path, errno } = error as NodeJS.ErrnoException;
  const facts = [
    `class ${error.name}`,
    code && `code ${code}`,
    errno !== undefined && `errno ${errno}`,
    syscall && `syscall ${syscall}`,
    path && `path ${path}`,
  ].filter(Boolean);
  return plainText(facts.join(', '), 500);
}

/**
 * Errors are one line on stderr; a usage hint that follows a newline is kept, joined with " ", so a
 * script reading the first line still gets all of it.
 */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ');
}
