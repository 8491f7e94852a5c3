import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { askAgent, consultAgent } from '../../core/agent/agent-client.ts';
import type { AgentStatus } from '../../core/agent/agent-protocol.ts';
import { agentSocketPath, noAgentReason } from '../../core/agent/agent-socket.ts';
import { cachedTokenSource } from '../../core/agent/cached-token-source.ts';
import { cachedAwsCredentialSource } from '../../core/aws/agent-aws-source.ts';
import { startTokenAgent } from '../../core/agent/token-agent.ts';
import { describeAccount } from '../../core/agent/local-account.ts';
import type { Core } from '../../core/core.ts';
import { startAgentEndpoint } from '../../core/token-endpoint/agent-endpoint.ts';
import { BadInputError, CtmError } from '../../core/errors.ts';
import { EXIT } from '../exit-codes.ts';
import { parseFlags } from '../parse.ts';
import { selfInvocation } from '../self-invocation.ts';
import type { Terminal } from '../terminal.ts';
import { CTM_VERSION } from '../version.ts';

/** Usage of `ctm agent`. */
export const AGENT_USAGE = 'ctm agent start [--quiet]|stop|status [--json]|run';

const AGENT_HELP = `Usage: ${AGENT_USAGE}

The token agent keeps the cache key in memory and answers "ctm token" from there, so a cached token costs no
keychain read (like ssh-agent for keys). It serves access and ID tokens only, never a refresh token, to programs of
your own user account, through a socket in the config folder only you can open. The desktop app runs one while it is
open. On Windows there is no agent. CTM_NO_AGENT=1 makes "ctm token" read the keychain even while an agent runs.
`;

/** One line per subcommand: `ctm agent SUB --help` shows its own (completion checks each against its flags). */
const SUBCOMMAND_HELP: Record<string, string> = {
  start: 'ctm agent start [--quiet]   start one in the background (nothing to do if one runs); --quiet for a shell profile',
  stop: 'ctm agent stop              stop the agent started with "ctm agent start" or "ctm agent run"',
  status: 'ctm agent status [--json]   say whether an agent runs (exit 1 if not); --json for scripts',
  run: 'ctm agent run               run it in the foreground until Ctrl-C (for a service manager such as systemd)',
};

/** `ctm agent start|stop|status|run`: the background process that answers cached `ctm token` requests from memory. */
export async function agentCommand(args: string[], core: () => Core, terminal: Terminal): Promise<number> {
  const { positionals, values } = parseFlags(args, { json: { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' } }, AGENT_USAGE);
  const [sub, ...extra] = positionals;
  if (values.help && sub !== undefined && Object.hasOwn(SUBCOMMAND_HELP, sub)) {
    terminal.stdout.write(`Usage: ${SUBCOMMAND_HELP[sub]}\n`);
    return EXIT.ok;
  }
  if (values.help || sub === undefined) {
    terminal.stdout.write(`${AGENT_HELP}\n${Object.values(SUBCOMMAND_HELP).map((line) => `  ${line}`).join('\n')}\n`);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  if (extra.length > 0) throw new BadInputError(`Unexpected argument "${extra[0]}".\nUsage: ${AGENT_USAGE}`);
  if (values.json && sub !== 'status') throw new BadInputError(`--json goes with "ctm agent status".\nUsage: ${AGENT_USAGE}`);
  if (values.quiet && sub !== 'start') throw new BadInputError(`--quiet goes with "ctm agent start".\nUsage: ${AGENT_USAGE}`);
  const dir = dirname(core().profiles.path);
  const socketPath = agentSocketPath(dir);
  if (!socketPath) throw new BadInputError(noAgentReason(dir));
  switch (sub) {
    case 'status':
      return showStatus(socketPath, values.json === true, terminal);
    case 'start':
      return startInBackground(socketPath, resolve(dir), values.quiet === true, terminal);
    case 'stop':
      return stop(socketPath, terminal);
    case 'run':
      return runInForeground(socketPath, core(), terminal);
    default:
      throw new BadInputError(`Unknown agent command "${sub}".\nUsage: ${AGENT_USAGE}`);
  }
}

async function statusOf(socketPath: string): Promise<AgentStatus | undefined> {
  const reply = await askAgent(socketPath, { v: 1, op: 'status' });
  return reply?.ok && 'status' in reply ? reply.status : undefined;
}

/**
 * Says whether an agent answers and whose it is (the account owning its socket). One ctm cannot verify (a socket of
 * another account, a folder others can change, an answer that is not the protocol) is not vouched for: exit 1.
 */
async function showStatus(socketPath: string, json: boolean, terminal: Terminal): Promise<number> {
  const answer = await consultAgent(socketPath, { v: 1, op: 'status' });
  if (answer.kind === 'untrusted' || answer.kind === 'refused') {
    if (json) terminal.stdout.write(`${JSON.stringify({ running: false, trusted: false, reason: answer.reason, socket: socketPath })}\n`);
    terminal.stderr.write(`ctm: something listens at ${socketPath}, but ctm does not trust it: ${answer.reason}.\n`);
    return EXIT.failure;
  }
  const status = answer.kind === 'reply' && answer.reply.ok && 'status' in answer.reply ? answer.reply.status : undefined;
  if (!status || answer.kind !== 'reply') {
    terminal.stdout.write(json ? `${JSON.stringify({ running: false, socket: socketPath })}\n` : `No agent is running (${socketPath}). Start one with: ctm agent start\n`);
    return EXIT.failure;
  }
  const account = describeAccount(answer.ownerUid);
  if (json) {
    terminal.stdout.write(`${JSON.stringify({ running: true, trusted: true, ...status, startedAt: new Date(status.startedAt).toISOString(), account, uid: answer.ownerUid, socket: socketPath })}\n`);
  } else {
    const host = status.host === 'app' ? 'the desktop app' : 'ctm agent';
    terminal.stdout.write(`Agent running (${host}, pid ${status.pid}, account ${account}, since ${new Date(status.startedAt).toISOString()}, ${status.requests} token requests) on ${socketPath}\n`);
  }
  return EXIT.ok;
}

/** Starts `ctm agent run` detached and waits until it says it listens, or why it could not; --quiet says nothing unless it fails. */
async function startInBackground(socketPath: string, configFolder: string, quiet: boolean, terminal: Terminal): Promise<number> {
  const running = await statusOf(socketPath);
  if (running) {
    if (!quiet) terminal.stderr.write(`An agent is already running (pid ${running.pid}).\n`);
    return EXIT.ok;
  }
  const self = selfInvocation(['agent', 'run']);
  if (!self) throw new CtmError('internal', 'ctm cannot start itself here; run "ctm agent run" in the background instead.');
  // Its own session (closing the terminal does not end it); its only channel back is IPC, closed once it has answered.
  // In / as daemons go, so it keeps no folder busy; the config folder is passed as an absolute path for that reason.
  const env = { ...process.env, CTM_CONFIG_DIR: configFolder };
  const child = spawn(self.command, self.args, { cwd: '/', env, detached: true, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], windowsHide: true });
  const outcome = await new Promise<{ pid: number } | { error: string }>((resolve) => {
    child.once('message', (message: { started?: number; error?: string }) => resolve(message.error !== undefined ? { error: message.error } : { pid: message.started ?? child.pid ?? 0 }));
    child.once('error', () => resolve({ error: 'The agent process could not be started.' }));
    child.once('exit', (code) => resolve({ error: `The agent stopped while starting (exit code ${code}); run "ctm agent run" to see why.` }));
  });
  if (child.connected) child.disconnect();
  child.unref();
  if ('error' in outcome) throw new CtmError('internal', outcome.error);
  if (!quiet) terminal.stderr.write(`Agent started (pid ${outcome.pid}): a cached "ctm token" now comes from memory. Stop it with: ctm agent stop\n`);
  return EXIT.ok;
}

async function stop(socketPath: string, terminal: Terminal): Promise<number> {
  const status = await statusOf(socketPath);
  if (!status) {
    terminal.stderr.write('No agent is running.\n');
    return EXIT.ok;
  }
  const reply = await askAgent(socketPath, { v: 1, op: 'stop' });
  if (!reply?.ok) throw new CtmError('internal', reply && !reply.ok ? reply.error : 'The agent did not answer the stop request.');
  terminal.stderr.write(`Agent stopped (pid ${status.pid}).\n`);
  return EXIT.ok;
}

/** Serves until Ctrl-C (exit 130), SIGTERM or SIGHUP (exit 0), or `ctm agent stop` (exit 0). */
async function runInForeground(socketPath: string, app: Core, terminal: Terminal): Promise<number> {
  let finish: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => (finish = resolve));
  const handlers: [NodeJS.Signals, number][] = [['SIGINT', EXIT.interrupted], ['SIGTERM', EXIT.ok], ['SIGHUP', EXIT.ok]];
  let agent;
  try {
    agent = await startTokenAgent({ socketPath, host: 'ctm', version: CTM_VERSION, tokens: cachedTokenSource(app), awsCredentials: cachedAwsCredentialSource(app), onStop: () => finish(EXIT.ok) });
  } catch (error) {
    tellParent({ error: error instanceof CtmError ? error.message : 'The agent could not start.' });
    throw error;
  }
  const listeners = handlers.map(([signal, code]) => [signal, () => finish(code)] as const);
  for (const [signal, listener] of listeners) process.once(signal, listener);
  // The local OAuth 2.0 token endpoint (issue 22) is served beside the socket; it never stops the agent from starting
  // (`ctm endpoint credentials` says when nothing answers at its URL).
  const endpoint = await startAgentEndpoint(app, dirname(socketPath));
  if (!tellParent({ started: process.pid })) terminal.stderr.write(`Agent serving cached tokens on ${socketPath} (pid ${process.pid}). Stop it with Ctrl-C or: ctm agent stop\n`);
  const code = await finished;
  for (const [signal, listener] of listeners) process.off(signal, listener);
  if ('running' in endpoint) await endpoint.running.close();
  await agent.close();
  return code;
}

/** Tells `ctm agent start` how the start went, over the IPC channel it opened; false when there is none. */
function tellParent(message: { started: number } | { error: string }): boolean {
  if (!process.send) return false;
  process.send(message);
  process.disconnect();
  return true;
}
