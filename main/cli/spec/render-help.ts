import { EXIT_CODE_MEANINGS } from '../exit-codes.ts';
import { ALL_SPECS, GROUPS, subcommandsOf } from './all-specs.ts';
import { valueLabel, type CommandSpec, type FlagSpec } from './command-spec.ts';

const WIDE = 30;

/** How a flag is written in help: `-o, --output FILE`, `--[no-]browser`, `--scope SCOPE...`. */
export function flagLabel(name: string, flag: FlagSpec): string {
  const short = flag.short ? `-${flag.short}, ` : '';
  const long = flag.negatable ? `--[no-]${name}` : `--${name}`;
  const value = flag.type === 'string' ? ` ${valueLabel(flag)}${flag.multiple ? '...' : ''}` : '';
  return `${short}${long}${value}`;
}

/** Two columns; a label too wide for the first puts its text on the next line, as gh does. */
function columns(rows: readonly [string, string][]): string {
  return rows
    .map(([left, right]) =>
      left.length < WIDE - 2 ? `  ${left.padEnd(WIDE - 2)}${right}` : `  ${left}\n  ${' '.repeat(WIDE - 2)}${right}`,
    )
    .join('\n');
}

/** `ctm token [NAME] [flags] [-- COMMAND]`. */
export function usageLine(spec: CommandSpec): string {
  const flags = Object.keys(spec.flags).length > 0 ? ' [flags]' : '';
  return (
    ['ctm', spec.name, spec.args?.label, ''].filter(Boolean).join(' ').trim() +
    flags +
    (spec.passThrough ? ` ${spec.passThrough}` : '')
  );
}

const GLOBAL_FLAGS: [string, string][] = [
  ['-h, --help', 'show help for the command'],
  ['--debug', 'write what ctm does (keychain, agent, Cognito calls), redacted, to stderr'],
];

/** A command's help, as gh and op print theirs: what it does, usage, every flag, examples, related commands. */
export function commandHelp(spec: CommandSpec): string {
  const sections = [`${capital(spec.summary)}.`, `USAGE\n  ${usageLine(spec)}`];
  if (spec.details) sections.push(spec.details);
  const flags = Object.entries(spec.flags).map(([name, flag]): [string, string] => [
    flagLabel(name, flag),
    flag.description,
  ]);
  if (flags.length > 0) sections.push(`FLAGS\n${columns(flags)}`);
  sections.push(`GLOBAL FLAGS\n${columns(GLOBAL_FLAGS)}`);
  if (spec.aliases?.length)
    sections.push(`ALIASES\n${spec.aliases.map((a) => `  ctm ${spec.name.replace(/\S+$/, a)}`).join('\n')}`);
  sections.push(`EXAMPLES\n${spec.examples.map((e) => `  # ${e.what}\n  $ ${e.run}`).join('\n')}`);
  if (spec.related.length > 0)
    sections.push(`SEE ALSO\n${columns(spec.related.map((name) => [`ctm ${name}`, summaryOf(name)]))}`);
  return `${sections.join('\n\n')}\n`;
}

/** A group's help (`ctm profile --help`): its subcommands, each with its line. */
export function groupHelp(group: string): string {
  const subs = subcommandsOf(group).map((s): [string, string] => [s.name, s.summary]);
  return `${capital(GROUPS[group] ?? group)}.\n\nUSAGE\n  ctm ${group} COMMAND [flags]\n\nCOMMANDS\n${columns(subs)}\n\nRun "ctm help ${group} COMMAND" for a command's flags and examples.\n`;
}

/** `ctm --help`: every command, the global flags, where things live and the exit codes. */
export function overviewHelp(): string {
  const rows = ALL_SPECS.filter((s) => !s.hidden).map((s): [string, string] => [s.name, s.summary]);
  return `ctm: Cognito Token Manager on the command line.

USAGE
  ctm COMMAND [NAME] [flags]

COMMANDS
${columns(rows)}

GLOBAL FLAGS
${columns([...GLOBAL_FLAGS, ['-V, --version', 'print the version']])}

WHERE THINGS LIVE
  Profiles in profiles.json and settings in settings.json, in the config folder: CTM_CONFIG_DIR when set, else
  ~/.config/cognito-token-manager (Linux), ~/Library/Application Support/cognito-token-manager (macOS),
  %APPDATA%\\cognito-token-manager (Windows). Refresh tokens, client secrets and the key of the session files in
  the OS keychain. Access and ID tokens in sessions/<profile id>.session in the config folder, encrypted with that
  key. Passwords nowhere.

EXIT CODES
${columns(EXIT_CODE_MEANINGS.map(([code, meaning]): [string, string] => [String(code), meaning]))}
  ctm exec exits with its command's own code.

LEARN MORE
  Run "ctm help COMMAND" (or "ctm COMMAND --help") for a command's flags, examples and related commands.
`;
}

function summaryOf(name: string): string {
  return ALL_SPECS.find((s) => s.name === name)?.summary ?? GROUPS[name] ?? '';
}

function capital(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
