import type { Core } from '../core/core.ts';
import { agentRunCommand, agentStartCommand, agentStatusCommand, agentStopCommand } from './commands/agent-command.ts';
import { awsCredentialsCommand } from './commands/aws-credentials-command.ts';
import { completionCommand } from './commands/completion-command.ts';
import {
  endpointCredentialsCommand,
  endpointRunCommand,
  endpointSettingsCommand,
} from './commands/endpoint-command.ts';
import { execCommand } from './commands/exec-command.ts';
import { inspectCommand } from './commands/inspect-command.ts';
import { loginCommand } from './commands/login-command.ts';
import { logoutCommand } from './commands/logout-command.ts';
import { listProfiles, removeProfile } from './commands/profile-command.ts';
import { addProfile, editProfile } from './commands/profile-edit-command.ts';
import { exportProfilesCommand, importProfiles } from './commands/profile-transfer-command.ts';
import { proxyCommand } from './commands/proxy-command.ts';
import { profileDefaultCommand, settingsCommand } from './commands/settings-command.ts';
import { statusCommand } from './commands/status-command.ts';
import { tokenCommand } from './commands/token-command.ts';
import type { CommandSpec, ParsedCommand } from './spec/command-spec.ts';
import { AGENT_RUN_SPEC, AGENT_START_SPEC, AGENT_STATUS_SPEC, AGENT_STOP_SPEC } from './spec/commands/agent-specs.ts';
import { AWS_CREDENTIALS_SPEC } from './spec/commands/aws-credentials-spec.ts';
import { COMPLETION_SPEC } from './spec/commands/completion-spec.ts';
import {
  ENDPOINT_CREDENTIALS_SPEC,
  ENDPOINT_RUN_SPEC,
  ENDPOINT_SETTINGS_SPEC,
} from './spec/commands/endpoint-specs.ts';
import { EXEC_SPEC } from './spec/commands/exec-spec.ts';
import { INSPECT_SPEC } from './spec/commands/inspect-spec.ts';
import { LOGIN_SPEC } from './spec/commands/login-spec.ts';
import { LOGOUT_SPEC } from './spec/commands/logout-spec.ts';
import {
  PROFILE_ADD_SPEC,
  PROFILE_DEFAULT_SPEC,
  PROFILE_EDIT_SPEC,
  PROFILE_EXPORT_SPEC,
  PROFILE_IMPORT_SPEC,
  PROFILE_LIST_SPEC,
  PROFILE_REMOVE_SPEC,
} from './spec/commands/profile-specs.ts';
import { PROXY_SPEC } from './spec/commands/proxy-spec.ts';
import { SETTINGS_SPEC } from './spec/commands/settings-spec.ts';
import { STATUS_SPEC } from './spec/commands/status-spec.ts';
import { TOKEN_SPEC } from './spec/commands/token-spec.ts';
import { parseCommand } from './spec/parse-command.ts';
import { commandHelp } from './spec/render-help.ts';
import type { Terminal } from './terminal.ts';

/** What runs a command: its arguments already parsed against its spec, its flags typed from it. */
export type Handler<S extends CommandSpec> = (
  input: ParsedCommand<S>,
  core: () => Core,
  terminal: Terminal,
) => Promise<number>;

/** A command ready to run: parses with its spec, prints its help for --help, else calls its handler. */
export interface RunnableCommand {
  spec: CommandSpec;
  run(args: readonly string[], core: () => Core, terminal: Terminal): Promise<number>;
}

/** Joins a spec to its handler; no handler parses for itself, so none can accept what its spec does not say. */
export function runnable<const S extends CommandSpec>(spec: S, handler: Handler<S>): RunnableCommand {
  return {
    spec,
    async run(args, core, terminal) {
      const parsed = parseCommand(spec, args);
      if ('help' in parsed) {
        terminal.stdout.write(commandHelp(spec));
        return 0;
      }
      return handler(parsed, core, terminal);
    },
  };
}

/** Every command's handler, by spec (`ctm help` is answered by run-cli.ts itself). */
export const COMMAND_TABLE: readonly RunnableCommand[] = [
  runnable(LOGIN_SPEC, loginCommand),
  runnable(TOKEN_SPEC, tokenCommand),
  runnable(EXEC_SPEC, execCommand),
  runnable(AWS_CREDENTIALS_SPEC, awsCredentialsCommand),
  runnable(INSPECT_SPEC, inspectCommand),
  runnable(STATUS_SPEC, statusCommand),
  runnable(LOGOUT_SPEC, logoutCommand),
  runnable(PROFILE_ADD_SPEC, addProfile),
  runnable(PROFILE_EDIT_SPEC, editProfile),
  runnable(PROFILE_LIST_SPEC, listProfiles),
  runnable(PROFILE_REMOVE_SPEC, removeProfile),
  runnable(PROFILE_IMPORT_SPEC, importProfiles),
  runnable(PROFILE_EXPORT_SPEC, exportProfilesCommand),
  runnable(PROFILE_DEFAULT_SPEC, profileDefaultCommand),
  runnable(SETTINGS_SPEC, settingsCommand),
  runnable(AGENT_START_SPEC, agentStartCommand),
  runnable(AGENT_STOP_SPEC, agentStopCommand),
  runnable(AGENT_STATUS_SPEC, agentStatusCommand),
  runnable(AGENT_RUN_SPEC, agentRunCommand),
  runnable(ENDPOINT_CREDENTIALS_SPEC, endpointCredentialsCommand),
  runnable(ENDPOINT_RUN_SPEC, endpointRunCommand),
  runnable(ENDPOINT_SETTINGS_SPEC, endpointSettingsCommand),
  runnable(PROXY_SPEC, proxyCommand),
  runnable(COMPLETION_SPEC, completionCommand),
];
