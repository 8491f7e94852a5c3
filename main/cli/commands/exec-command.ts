import type { ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import type { Core } from '../../core/core.ts';
import { BadInputError } from '../../core/errors.ts';
import { envName, pickToken, TOKEN_KINDS } from '../../core/tokens/token-format.ts';
import type { TokenSet } from '../../core/tokens/token-set.ts';
import { parseFlags, oneOf } from '../parse.ts';
import { awsExecEnvironment } from './exec-aws.ts';
import { chosenProfile } from '../profile-choice.ts';
import { whileWaiting } from '../progress.ts';
import type { Terminal } from '../terminal.ts';

/** Usage of `ctm exec`. */
export const EXEC_USAGE = 'ctm exec [NAME] [--type access|id] [--min-ttl SECONDS] [--allow-nested] [--aws | --aws-server] [-- COMMAND [ARGS...]]';

/** Set in the command's environment (to the profile's name) so a nested `ctm exec` can tell, as aws-vault's AWS_VAULT does. */
export const EXEC_MARKER = 'CTM_EXEC';

const EXEC_HELP = `Runs COMMAND with the profile's valid tokens in its environment (refreshed first when needed):
  CTM_ACCESS_TOKEN   the access token
  CTM_ID_TOKEN       the ID token (when the sign-in returned one)
  CTM_AUTHORIZATION  "Bearer <token>" with the token chosen by --type (default access)
  CTM_ACCESS_TOKEN_EXPIRES_AT  when the access token expires (ISO 8601, UTC)
  CTM_PROFILE        the profile name (so "ctm token" inside picks the same profile)
  CTM_EXEC           the profile name, to tell that ctm exec is running
Without a COMMAND, starts your shell ($SHELL; %ComSpec% on Windows) with these variables; "exit" leaves it.
NAME defaults to CTM_PROFILE, then to the app's default profile.
The command's exit code is ctm's (127 when it cannot be found); signals sent to ctm are passed on to it.
  --min-ttl SECONDS  refresh first unless the token stays valid at least this long (for long commands)
  --allow-nested     run even inside another ctm exec (its variables are replaced)
  --aws              also the profile's identity-pool AWS credentials: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
                     AWS_SESSION_TOKEN, AWS_CREDENTIAL_EXPIRATION, AWS_REGION (other AWS credential variables are cleared)
  --aws-server       instead serve them on 127.0.0.1 (AWS_CONTAINER_CREDENTIALS_FULL_URI with a random
                     AWS_CONTAINER_AUTHORIZATION_TOKEN): the AWS CLI and SDKs renew them there while the command runs`;

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'];

/** `ctm exec NAME -- command args...`: like aws-vault exec, tokens go in environment variables, never on a command line. */
export async function execCommand(args: string[], core: () => Core, terminal: Terminal): Promise<number> {
  const split = args.indexOf('--');
  const own = split === -1 ? args : args.slice(0, split);
  const command = split === -1 ? [] : args.slice(split + 1);
  const { positionals, values } = parseFlags(own, { type: { type: 'string' }, 'min-ttl': { type: 'string' }, 'allow-nested': { type: 'boolean' }, aws: { type: 'boolean' }, 'aws-server': { type: 'boolean' } }, EXEC_USAGE);
  if (values.help) {
    terminal.stdout.write(`Usage: ${EXEC_USAGE}\n\n${EXEC_HELP}\n`);
    return 0;
  }
  if (values.aws && values['aws-server']) throw new BadInputError('Give --aws or --aws-server, not both.');
  const outer = process.env[EXEC_MARKER];
  if (outer && !values['allow-nested']) {
    throw new BadInputError(`Already inside "ctm exec" for profile "${outer}"; exit that shell first, or pass --allow-nested.`);
  }
  const kind = oneOf(values.type, TOKEN_KINDS, '--type', 'access');
  const minTtl = values['min-ttl'] === undefined ? 0 : Number(values['min-ttl']);
  if (!Number.isFinite(minTtl) || minTtl < 0) throw new BadInputError('--min-ttl must be a number of seconds (0 or more).');
  const app = core();
  const profile = await chosenProfile(positionals, app, EXEC_USAGE);
  const tokens = await whileWaiting(terminal, `Getting a token for ${profile.name}…`, app.sessions.tokens(profile.id, { minTtlMs: minTtl * 1000 }));
  const env: NodeJS.ProcessEnv = { ...process.env, ...tokenEnv(tokens, kind), CTM_PROFILE: profile.name, [EXEC_MARKER]: profile.name };
  // A nested run must not hand on the outer profile's ID token when this one has none.
  if (!tokens.idToken) delete env.CTM_ID_TOKEN;
  const aws = values.aws || values['aws-server'] ? await whileWaiting(terminal, `Getting AWS credentials for ${profile.name}…`, awsExecEnvironment(app, profile, values['aws-server'] === true, minTtl * 1000)) : undefined;
  aws?.apply(env);
  const [program, ...programArgs] = command.length > 0 ? command : [userShell()];
  if (command.length === 0) terminal.stderr.write(`ctm: starting ${program} with ${profile.name}'s tokens; "exit" leaves it.\n`);
  try {
    return await runChild(program ?? userShell(), programArgs, env, terminal);
  } finally {
    await aws?.close();
  }
}

/** The user's interactive shell: $SHELL, on Windows %ComSpec%; a plain sh when neither is set. */
export function userShell(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env.ComSpec ?? env.COMSPEC ?? 'cmd.exe';
  return env.SHELL || '/bin/sh';
}

/** The variables `exec` sets; the chosen kind must exist (an ID token is not always issued). */
export function tokenEnv(tokens: TokenSet, kind: (typeof TOKEN_KINDS)[number]): Record<string, string> {
  return {
    [envName('access')]: tokens.accessToken,
    CTM_ACCESS_TOKEN_EXPIRES_AT: new Date(tokens.expiresAt).toISOString(),
    ...(tokens.idToken ? { [envName('id')]: tokens.idToken } : {}),
    CTM_AUTHORIZATION: `Bearer ${pickToken(tokens, kind)}`,
  };
}

async function runChild(program: string, args: string[], env: NodeJS.ProcessEnv, terminal: Terminal): Promise<number> {
  // cross-spawn runs .cmd/.bat files on Windows (which Node's spawn refuses without a shell) and resolves PATHEXT,
  // escaping arguments itself instead of handing them to a shell; elsewhere it is Node's spawn. Loaded only here.
  const { spawn } = await import('cross-spawn');
  return new Promise((resolve) => {
    // Handlers go in before the spawn: a signal sent as soon as the command starts must reach it, not kill ctm.
    const started: { child?: ChildProcess } = {};
    const early: NodeJS.Signals[] = [];
    const forward = (signal: NodeJS.Signals): void => {
      if (started.child) started.child.kill(signal);
      else early.push(signal);
    };
    for (const signal of FORWARDED) process.on(signal, forward);
    const done = (code: number): void => {
      for (const signal of FORWARDED) process.off(signal, forward);
      resolve(code);
    };
    const child = spawn(program, args, { env, stdio: 'inherit' });
    started.child = child;
    for (const signal of early) child.kill(signal);
    child.once('error', (error: NodeJS.ErrnoException) => {
      const notFound = error.code === 'ENOENT';
      terminal.stderr.write(`ctm: ${notFound ? 'command not found' : `cannot run (${error.code ?? 'spawn failed'})`}: ${program}\n`);
      done(notFound ? 127 : 126);
    });
    // A command killed by a signal exits like a shell reports it: 128 + the signal's number.
    child.once('exit', (code, signal) => done(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0)));
  });
}
