import type { CommandSpec } from './command-spec.ts';
import { AGENT_RUN_SPEC, AGENT_START_SPEC, AGENT_STATUS_SPEC, AGENT_STOP_SPEC } from './commands/agent-specs.ts';
import { AWS_CREDENTIALS_SPEC } from './commands/aws-credentials-spec.ts';
import { COMPLETION_SPEC } from './commands/completion-spec.ts';
import { ENDPOINT_CREDENTIALS_SPEC, ENDPOINT_RUN_SPEC, ENDPOINT_SETTINGS_SPEC } from './commands/endpoint-specs.ts';
import { EXEC_SPEC } from './commands/exec-spec.ts';
import { HELP_SPEC } from './commands/help-spec.ts';
import { INSPECT_SPEC } from './commands/inspect-spec.ts';
import { LOGIN_SPEC } from './commands/login-spec.ts';
import { LOGOUT_SPEC } from './commands/logout-spec.ts';
import {
  PROFILE_ADD_SPEC,
  PROFILE_DEFAULT_SPEC,
  PROFILE_EDIT_SPEC,
  PROFILE_EXPORT_SPEC,
  PROFILE_IMPORT_SPEC,
  PROFILE_LIST_SPEC,
  PROFILE_REMOVE_SPEC,
} from './commands/profile-specs.ts';
import { PROXY_SPEC } from './commands/proxy-spec.ts';
import { SETTINGS_SPEC } from './commands/settings-spec.ts';
import { STATUS_SPEC } from './commands/status-spec.ts';
import { TOKEN_SPEC } from './commands/token-spec.ts';

/**
 * Every `ctm` command, in the order the overview, completion and the README list them. A new command: add its spec
 * file under spec/commands/, list it here, and give it a handler in main/cli/command-table.ts (BOARD.md says how).
 */
export const ALL_SPECS: readonly CommandSpec[] = [
  LOGIN_SPEC,
  TOKEN_SPEC,
  EXEC_SPEC,
  AWS_CREDENTIALS_SPEC,
  INSPECT_SPEC,
  STATUS_SPEC,
  LOGOUT_SPEC,
  PROFILE_ADD_SPEC,
  PROFILE_EDIT_SPEC,
  PROFILE_LIST_SPEC,
  PROFILE_REMOVE_SPEC,
  PROFILE_IMPORT_SPEC,
  PROFILE_EXPORT_SPEC,
  PROFILE_DEFAULT_SPEC,
  SETTINGS_SPEC,
  AGENT_START_SPEC,
  AGENT_STOP_SPEC,
  AGENT_STATUS_SPEC,
  AGENT_RUN_SPEC,
  ENDPOINT_CREDENTIALS_SPEC,
  ENDPOINT_RUN_SPEC,
  ENDPOINT_SETTINGS_SPEC,
  PROXY_SPEC,
  COMPLETION_SPEC,
  HELP_SPEC,
];

/** Commands that only group subcommands (`ctm profile add`), with the line the overview shows for them. */
export const GROUPS: Readonly<Record<string, string>> = {
  profile: 'manages profiles: add, edit, list, remove, import, export, default',
  agent: 'the token agent that answers a cached "ctm token" from memory: start, stop, status, run',
  endpoint: 'a local OAuth 2.0 token endpoint for API clients (Postman, Insomnia, Bruno): credentials, run, settings',
};

/** What `words` (after `ctm`) name: a command and the words after its name, a group alone, or nothing known. */
export type Lookup = { spec: CommandSpec; rest: string[] } | { group: string; rest: string[] } | undefined;

/** Finds the command `words` start with, by name or alias; a group name with no known subcommand after it is the group. */
export function lookUp(words: readonly string[]): Lookup {
  const [first = '', second = ''] = words;
  const two = ALL_SPECS.find(
    (s) => s.name === `${first} ${second}` || (s.name.startsWith(`${first} `) && s.aliases?.includes(second)),
  );
  if (two) return { spec: two, rest: words.slice(2) };
  const one = ALL_SPECS.find((s) => s.name === first || s.aliases?.includes(first));
  if (one) return { spec: one, rest: words.slice(1) };
  if (Object.hasOwn(GROUPS, first)) return { group: first, rest: words.slice(1) };
  return undefined;
}

/** The subcommands of a group, in order. */
export function subcommandsOf(group: string): CommandSpec[] {
  return ALL_SPECS.filter((s) => s.name.startsWith(`${group} `));
}

/** Every top-level word: commands and groups, in the overview's order. */
export function topLevelNames(): string[] {
  return [...new Set(ALL_SPECS.map((s) => s.name.split(' ')[0] ?? s.name))];
}
