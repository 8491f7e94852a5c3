import type { ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import type { Core } from '../../core/core.ts';
import { BadInputError } from '../../core/errors.ts';
import { envName, pickToken, type TokenKind } from '../../core/tokens/token-format.ts';
import type { TokenSet } from '../../core/tokens/token-set.ts';
import type { ParsedCommand } from '../spec/command-spec.ts';
import type { EXEC_SPEC } from '../spec/commands/exec-spec.ts';
import { minTtlMs } from './token-request.ts';
import { minTtlWarning } from '../min-ttl-warning.ts';
import { awsExecEnvironment } from './exec-aws.ts';
import { chosenProfile } from '../profile-choice.ts';
import { whileWaiting } from '../progress.ts';
import type { Terminal } from '../terminal.ts';

/** Set in the command's environment (to the profile's name) so a nested `ctm exec` can tell, as aws-vault's AWS_VAULT does. */
export const EXEC_MARKER = 'CTM_EXEC';

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'];

/** `ctm exec NAME -- command args...`: like aws-vault exec, tokens go in environment variables, never on a command line. */
export async function execCommand(
  input: ParsedCommand<typeof EXEC_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  const { values, args: positionals, passThrough: command } = input;
  if (values.aws && values['aws-server']) throw new BadInputError('Give --aws or --aws-server, not both.');
  const outer = process.env[EXEC_MARKER];
  if (outer && !values['allow-nested']) {
    throw new BadInputError(
      `Already inside "ctm exec" for profile "${outer}"; exit that shell first, or pass --allow-nested.`,
    );
  }
  const kind = (values.type ?? 'access') as TokenKind;
  const minTtl = minTtlMs(values['min-ttl']);
  const app = core();
  const profile = await chosenProfile(positionals, app);
  const tokens = await whileWaiting(
    terminal,
    `Getting a token for ${profile.name}…`,
    app.tokens(profile.id, { minTtlMs: minTtl }),
  );
  const warning = minTtlWarning(tokens, minTtl, profile.name);
  if (warning) terminal.stderr.write(warning);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...tokenEnv(tokens, kind),
    CTM_PROFILE: profile.name,
    [EXEC_MARKER]: profile.name,
  };
  // A nested run must not hand on the outer profile's ID token when this one has none.
  if (!tokens.idToken) delete env.CTM_ID_TOKEN;
  const aws =
    values.aws || values['aws-server']
      ? await whileWaiting(
          terminal,
          `Getting AWS credentials for ${profile.name}…`,
          awsExecEnvironment(app, profile, values['aws-server'] === true, minTtl),
        )
      : undefined;
  aws?.apply(env);
  const [program, ...programArgs] = command.length > 0 ? command : [userShell()];
  if (command.length === 0)
    terminal.stderr.write(`ctm: starting ${program} with ${profile.name}'s tokens; "exit" leaves it.\n`);
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
export function tokenEnv(tokens: TokenSet, kind: TokenKind): Record<string, string> {
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
      terminal.stderr.write(
        `ctm: ${notFound ? 'command not found' : `cannot run (${error.code ?? 'spawn failed'})`}: ${program}\n`,
      );
      done(notFound ? 127 : 126);
    });
    // A command killed by a signal exits like a shell reports it: 128 + the signal's number.
    child.once('exit', (code, signal) => done(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0)));
  });
}
