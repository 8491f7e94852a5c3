import { consultAgent } from '../core/agent/agent-client.ts';
import { agentSocketPath } from '../core/agent/agent-socket.ts';
import type { AgentTokens } from '../core/agent/agent-protocol.ts';
import { configDir } from '../core/profiles/config-dir.ts';
import { isFreshEnough } from '../core/tokens/refresh-margin.ts';
import { formatToken } from '../core/tokens/token-format.ts';
import { parseTokenRequest, type TokenRequest } from './commands/token-request.ts';
import type { TextSink } from './sync-output.ts';
import { minTtlWarning } from './min-ttl-warning.ts';

/** Where the cached path writes: the process's streams, or (fast-entry.ts) its file descriptors written at once. */
export interface FastOutput {
  stdout: TextSink;
  stderr: TextSink;
}

/**
 * `ctm token` when its answer is already cached: the one path that must start fast, so it loads neither the validator,
 * nor the Cognito client, nor the other commands. A running token agent (the app, or `ctm agent`) answers first, from
 * memory (CTM_NO_AGENT=1 skips it); without one, the vault is read (keychain-cached-token.ts, loaded only then). It
 * serves only the plain case (no --clip, a session fresh enough) and returns undefined for everything else, which the
 * full CLI then handles with all its checks and messages.
 */
export async function cachedToken(
  argvWithDebug: string[],
  out: FastOutput,
  env: NodeJS.ProcessEnv = process.env,
  now = Date.now(),
): Promise<number | undefined> {
  // --debug takes this same path (it used to skip it, and so the agent): it only says which path answered.
  const argv = argvWithDebug.filter((arg) => arg !== '--debug');
  const debug = argv.length !== argvWithDebug.length;
  const said = (line: string): void => {
    if (debug) out.stderr.write(`ctm debug: ${line}\n`);
  };
  if (argv[0] !== 'token') return undefined;
  const answer = await cachedAnswer(argv, out, env, now, said);
  if (typeof answer === 'string')
    said(`${answer}; the full path follows (the keychain, then Cognito when the token must be renewed)`);
  return typeof answer === 'string' ? undefined : answer;
}

async function cachedAnswer(
  argv: string[],
  out: FastOutput,
  env: NodeJS.ProcessEnv,
  now: number,
  said: (line: string) => void,
): Promise<number | string | undefined> {
  let request: TokenRequest;
  try {
    request = parseTokenRequest(argv.slice(1));
  } catch {
    return 'the flags need the full parser';
  }
  // --clip runs clipboard programs and a clearer: the full path does that.
  if (request.help) return '--help is written by the full path';
  if (request.clip) return '--clip is done by the full path';
  if (request.positionals.length > 1) return 'more than one NAME';
  const name = request.positionals[0] ?? (env.CTM_PROFILE || undefined);
  const dir = configDir(env);
  const fromAgent = env.CTM_NO_AGENT === '1' ? undefined : await agentTokens(dir, name, out.stderr);
  if (fromAgent && isFreshEnough(fromAgent, now, request.minTtlMs)) {
    const code = print(out, fromAgent, request);
    if (code !== undefined) said('answered by the token agent, from its memory (no keychain read, no Cognito call)');
    return code;
  }
  const agent = fromAgent ? 'the token agent has no token fresh enough' : 'no token agent answered';
  // Without NAME or CTM_PROFILE, the default profile: from settings.json by the full path's rule (defaultProfileIn).
  const { keychainCachedToken } = await import('./keychain-cached-token.ts');
  const answer = await keychainCachedToken(name, request, dir, out, now);
  if (answer === 0)
    said(
      `answered from the encrypted session file${name === undefined ? ' of the default profile' : ''} (one keychain read for its key, no Cognito call)`,
    );
  return typeof answer === 'string' ? `${agent}, and ${answer}` : answer;
}

/**
 * The agent's cached tokens for a profile (undefined: the default one), or undefined when no agent has them. An agent
 * ctm cannot verify, or whose answer it refuses, is named on stderr and passed over: the keychain answers instead.
 */
async function agentTokens(dir: string, name: string | undefined, stderr: TextSink): Promise<AgentTokens | undefined> {
  const socket = agentSocketPath(dir);
  if (!socket) return undefined;
  const answer = await consultAgent(
    socket,
    name === undefined ? { v: 1, op: 'token' } : { v: 1, op: 'token', profile: name },
  );
  if (answer.kind === 'untrusted' || answer.kind === 'refused')
    stderr.write(`ctm: not using the token agent at ${socket}: ${answer.reason}.\n`);
  if (answer.kind !== 'reply') return undefined;
  return answer.reply.ok && 'tokens' in answer.reply ? answer.reply.tokens : undefined;
}

function print(out: FastOutput, tokens: AgentTokens, request: TokenRequest): number | undefined {
  let text: string;
  try {
    text = formatToken(tokens, request.kind, request.format, tokens.profileName);
  } catch {
    return undefined; // no ID token in this session: the full path says so
  }
  out.stdout.write(`${text}\n`);
  const warning = minTtlWarning(tokens, request.minTtlMs, tokens.profileName);
  if (warning) out.stderr.write(warning);
  return 0;
}
