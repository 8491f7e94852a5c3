import { cliArgsFromLauncher, CLI_SWITCH } from '../shared/cli-launch.ts';

/** A command line that starts this same `ctm` again. */
export interface Invocation {
  command: string;
  args: string[];
}

/**
 * How to run this same `ctm` with other arguments (the clipboard clearer, the background agent): the app's own binary
 * in command-line mode when an installed app's launcher started us, else Node with the same flags and script.
 * Undefined when neither can be told (no script): the caller then refuses rather than half-start something.
 */
export function selfInvocation(
  args: string[],
  argv: readonly string[] = process.argv,
  execArgv: readonly string[] = process.execArgv,
  execPath = process.execPath,
): Invocation | undefined {
  if (cliArgsFromLauncher(argv) !== undefined)
    return { command: execPath, args: [...argv.slice(1, argv.indexOf(CLI_SWITCH) + 2), ...args] };
  const script = argv[1];
  return script === undefined ? undefined : { command: execPath, args: [...execArgv, script, ...args] };
}

/** What `ctm exec` hands its command and a self-invocation must not keep for its whole life (an agent runs for days). */
export const EXEC_TOKEN_VARIABLES = [
  'CTM_ACCESS_TOKEN',
  'CTM_ID_TOKEN',
  'CTM_AUTHORIZATION',
  'CTM_ACCESS_TOKEN_EXPIRES_AT',
] as const;

/**
 * The environment a self-invocation starts with: this one without the token variables of a surrounding `ctm exec`
 * (an agent or a clipboard clearer started inside one would otherwise carry those tokens, readable in its environ).
 */
export function selfEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const tokens: readonly string[] = EXEC_TOKEN_VARIABLES;
  return Object.fromEntries(Object.entries(env).filter(([name]) => !tokens.includes(name)));
}
