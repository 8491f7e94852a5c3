import { TOKEN_FORMATS, TOKEN_KINDS } from '../../core/tokens/token-format.ts';
import { PROFILE_FIELD_FLAGS } from '../commands/profile-flags.ts';

/** What a flag takes: nothing (a switch), a value of a fixed set, or any value (the shell completes nothing). */
export type FlagValue = 'switch' | 'any' | readonly string[];

/** What a command's positional arguments are, for completion. */
export type Positional = 'profile' | 'profiles' | 'shell' | 'command' | 'file' | 'none';

/** One command as completion sees it: its flags and what its positionals name. */
export interface CommandSpec {
  flags: Record<string, FlagValue>;
  positional: Positional;
}

/** The shells `ctm completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;

// A boolean field flag also has its --no- form (parseArgs' allowNegative), except the read-from-stdin switches.
const fieldFlags = Object.fromEntries(Object.entries(PROFILE_FIELD_FLAGS).flatMap(([name, option]): [string, FlagValue][] => {
  if (option.type !== 'boolean') return [[name, 'any']];
  return name.endsWith('-stdin') ? [[name, 'switch']] : [[name, 'switch'], [`no-${name}`, 'switch']];
}));

/**
 * Every command and flag `ctm` takes, for shell completion. Kept next to nothing heavy so `ctm __complete` starts
 * fast; test/unit/cli/completion-spec.test.ts checks it against what each command really accepts and documents.
 */
export const COMMAND_SPECS: Record<string, CommandSpec> = {
  'profile add': { flags: fieldFlags, positional: 'none' },
  'profile edit': { flags: { ...fieldFlags, name: 'any' }, positional: 'profile' },
  'profile list': { flags: { json: 'switch' }, positional: 'none' },
  'profile remove': { flags: {}, positional: 'profile' },
  'profile import': { flags: { name: 'any', endpoint: 'any', username: 'any', 'allow-endpoint': 'any' }, positional: 'file' },
  'profile export': { flags: { output: 'any' }, positional: 'profiles' },
  login: {
    flags: { username: 'any', 'password-stdin': 'switch', 'new-password-stdin': 'switch', 'mfa-code': 'any', answer: 'any', select: 'any', attribute: 'any', 'remember-device': 'switch', browser: 'switch', 'no-browser': 'switch' },
    positional: 'profile',
  },
  token: { flags: { type: TOKEN_KINDS, format: TOKEN_FORMATS, json: 'switch', 'min-ttl': 'any', clip: 'switch' }, positional: 'profile' },
  exec: { flags: { type: TOKEN_KINDS, 'min-ttl': 'any', 'allow-nested': 'switch', aws: 'switch', 'aws-server': 'switch' }, positional: 'profile' },
  'aws-credentials': { flags: { 'min-ttl': 'any' }, positional: 'profile' },
  status: { flags: { json: 'switch' }, positional: 'none' },
  logout: { flags: { global: 'switch' }, positional: 'profile' },
  'agent start': { flags: { quiet: 'switch' }, positional: 'none' },
  'agent stop': { flags: {}, positional: 'none' },
  'agent status': { flags: { json: 'switch' }, positional: 'none' },
  'agent run': { flags: {}, positional: 'none' },
  'endpoint credentials': { flags: { json: 'switch', rotate: 'switch' }, positional: 'profile' },
  'endpoint run': { flags: { port: 'any' }, positional: 'none' },
  'endpoint settings': { flags: { port: 'any', 'allow-origin': 'any', 'forget-origin': 'any' }, positional: 'none' },
  proxy: { flags: { target: 'any', port: 'any', type: TOKEN_KINDS }, positional: 'profile' },
  completion: { flags: {}, positional: 'shell' },
};

/** The top-level commands, in the order the overview lists them. */
export const COMMANDS = ['profile', 'login', 'token', 'exec', 'aws-credentials', 'status', 'logout', 'agent', 'endpoint', 'proxy', 'completion', 'help'] as const;

/** The subcommands of `ctm profile` (aliases ls and rm work too, but are not offered). */
export const PROFILE_SUBCOMMANDS = ['add', 'edit', 'list', 'remove', 'import', 'export'] as const;

/** The subcommands of `ctm agent`. */
export const AGENT_SUBCOMMANDS = ['start', 'stop', 'status', 'run'] as const;

/** The subcommands of `ctm endpoint`. */
export const ENDPOINT_SUBCOMMANDS = ['credentials', 'run', 'settings'] as const;

/** The commands that take a subcommand first, and their subcommands (COMMAND_SPECS keys are "command sub"). */
export const SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = { profile: PROFILE_SUBCOMMANDS, agent: AGENT_SUBCOMMANDS, endpoint: ENDPOINT_SUBCOMMANDS };
