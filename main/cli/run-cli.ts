import type { Core } from '../core/core.ts';
import { asCtmError } from '../core/errors.ts';
import { CLIP_CLEAR_COMMAND } from '../clipboard/clip-token.ts';
import { agentCommand, AGENT_USAGE } from './commands/agent-command.ts';
import { awsCredentialsCommand, AWS_CREDENTIALS_USAGE } from './commands/aws-credentials-command.ts';
import { clipClearCommand } from './commands/clip-clear-command.ts';
import { completeCommand, completionCommand, COMPLETION_USAGE } from './commands/completion-command.ts';
import { endpointCommand, ENDPOINT_USAGE } from './commands/endpoint-command.ts';
import { execCommand, EXEC_USAGE } from './commands/exec-command.ts';
import { loginCommand, LOGIN_USAGE } from './commands/login-command.ts';
import { logoutCommand, LOGOUT_USAGE } from './commands/logout-command.ts';
import { profileCommand, PROFILE_USAGE } from './commands/profile-command.ts';
import { proxyCommand, PROXY_USAGE } from './commands/proxy-command.ts';
import { statusCommand, STATUS_USAGE } from './commands/status-command.ts';
import { tokenCommand, TOKEN_USAGE } from './commands/token-command.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { PromptInterruptedError, type Terminal } from './terminal.ts';
import { CTM_VERSION } from './version.ts';
import { plainText } from '../shared/plain-text.ts';

const USAGE = `ctm: Cognito Token Manager on the command line

Usage: ${PROFILE_USAGE}
       ${LOGIN_USAGE}
       ${TOKEN_USAGE}
       ${EXEC_USAGE}
       ${AWS_CREDENTIALS_USAGE}
       ${STATUS_USAGE}
       ${LOGOUT_USAGE}
       ${AGENT_USAGE}
       ${ENDPOINT_USAGE}
       ${PROXY_USAGE}
       ${COMPLETION_USAGE}
       ctm --version

Run "ctm COMMAND --help" (or "ctm help COMMAND") for a command's flags.
Profiles live in CTM_CONFIG_DIR when it is set; secrets and tokens only in the OS keychain.
--debug (with any command) writes what ctm does, redacted, to stderr.
Exit codes: 0 ok, 2 bad usage or input, 3 sign-in required, 4 network or service error, 5 a token refused
(not a JWT, a bad signature, another user's), 1 anything else (ctm exec: the command's own exit code),
130 interrupted (Ctrl-C at a prompt).
`;

type Command = (args: string[], core: () => Core, terminal: Terminal) => Promise<number>;
const COMMANDS: Record<string, Command> = {
  profile: profileCommand,
  login: loginCommand,
  token: tokenCommand,
  exec: execCommand,
  'aws-credentials': awsCredentialsCommand,
  status: statusCommand,
  logout: logoutCommand,
  agent: agentCommand,
  endpoint: endpointCommand,
  proxy: proxyCommand,
  completion: (args, _core, terminal) => completionCommand(args, terminal),
  __complete: (args, _core, terminal) => completeCommand(args, terminal),
  [CLIP_CLEAR_COMMAND]: (args, _core, terminal) => clipClearCommand(args, terminal),
};

/** Runs one `ctm` invocation and returns its exit code; errors become one line on stderr, never a stack trace or a secret. */
export async function runCli(argv: string[], makeCore: () => Core, terminal: Terminal): Promise<number> {
  const [first, ...rest] = argv;
  // "ctm help token" is "ctm token --help".
  const [name, args] = first === 'help' && rest[0] !== undefined ? [rest[0], ['--help']] : [first, rest];
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    terminal.stdout.write(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    terminal.stdout.write(`ctm ${CTM_VERSION}\n`);
    return EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    terminal.stderr.write(`ctm: unknown command "${name}". Run ctm --help.\n`);
    return EXIT.usage;
  }
  let core: Core | undefined;
  const lazyCore = (): Core => (core ??= makeCore());
  try {
    return await command(args, lazyCore, terminal);
  } catch (error) {
    if (error instanceof PromptInterruptedError) return EXIT.interrupted;
    const problem = asCtmError(error);
    terminal.stderr.write(`ctm: ${plainText(oneLine(problem.message), Infinity)}\n`);
    return exitCodeFor(problem.kind);
  }
}

/**
 * Errors are one line on stderr; a usage hint that follows a newline is kept, joined with " ", so a
 * script reading the first line still gets all of it.
 */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ');
}
