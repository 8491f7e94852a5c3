import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import type { Core } from '../../core/core.ts';
import { BadInputError } from '../../core/errors.ts';
import { envName, pickToken, TOKEN_KINDS } from '../../core/tokens/token-format.ts';
import type { TokenSet } from '../../core/tokens/token-set.ts';
import { parseFlags, onePositional, oneOf } from '../parse.ts';
import type { Terminal } from '../terminal.ts';

/** Usage of `ctm exec`. */
export const EXEC_USAGE = 'ctm exec NAME [--type access|id] [--min-ttl SECONDS] -- COMMAND [ARGS...]';

const EXEC_HELP = `Runs COMMAND with the profile's valid tokens in its environment (refreshed first when needed):
  CTM_ACCESS_TOKEN   the access token
  CTM_ID_TOKEN       the ID token (when the sign-in returned one)
  CTM_AUTHORIZATION  "Bearer <token>" with the token chosen by --type (default access)
  CTM_PROFILE        the profile name
The command's exit code is ctm's (127 when it cannot be found); signals sent to ctm are passed on to it.
  --min-ttl SECONDS  refresh first unless the token stays valid at least this long (for long commands)`;

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'];

/** `ctm exec NAME -- command args...`: like aws-vault exec, tokens go in environment variables, never on a command line. */
export async function execCommand(args: string[], core: () => Core, terminal: Terminal): Promise<number> {
  const split = args.indexOf('--');
  const own = split === -1 ? args : args.slice(0, split);
  const command = split === -1 ? [] : args.slice(split + 1);
  const { positionals, values } = parseFlags(own, { type: { type: 'string' }, 'min-ttl': { type: 'string' } }, EXEC_USAGE);
  if (values.help) {
    terminal.stdout.write(`Usage: ${EXEC_USAGE}\n\n${EXEC_HELP}\n`);
    return 0;
  }
  const name = onePositional(positionals, 'profile name', EXEC_USAGE);
  const [program, ...programArgs] = command;
  if (!program) throw new BadInputError(`Missing the command to run after "--".\nUsage: ${EXEC_USAGE}`);
  const kind = oneOf(values.type, TOKEN_KINDS, '--type', 'access');
  const minTtl = values['min-ttl'] === undefined ? 0 : Number(values['min-ttl']);
  if (!Number.isFinite(minTtl) || minTtl < 0) throw new BadInputError('--min-ttl must be a number of seconds (0 or more).');
  const app = core();
  const profile = await app.profiles.get(name);
  const tokens = await app.sessions.tokens(profile.id, { minTtlMs: minTtl * 1000 });
  const env = { ...process.env, ...tokenEnv(tokens, kind), CTM_PROFILE: profile.name };
  return runChild(program, programArgs, env, terminal);
}

/** The variables `exec` sets; the chosen kind must exist (an ID token is not always issued). */
export function tokenEnv(tokens: TokenSet, kind: (typeof TOKEN_KINDS)[number]): Record<string, string> {
  return {
    [envName('access')]: tokens.accessToken,
    ...(tokens.idToken ? { [envName('id')]: tokens.idToken } : {}),
    CTM_AUTHORIZATION: `Bearer ${pickToken(tokens, kind)}`,
  };
}

function runChild(program: string, args: string[], env: NodeJS.ProcessEnv, terminal: Terminal): Promise<number> {
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
