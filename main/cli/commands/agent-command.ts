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
import type { ParsedCommand } from '../spec/command-spec.ts';
import type {
  AGENT_RUN_SPEC,
  AGENT_START_SPEC,
  AGENT_STATUS_SPEC,
  AGENT_STOP_SPEC,
} from '../spec/commands/agent-specs.ts';
import { selfEnvironment, selfInvocation } from '../self-invocation.ts';
import type { Terminal } from '../terminal.ts';
import { CTM_VERSION } from '../version.ts';

/** Where the agent's socket is, or why there can be none here (Windows, a path too long). */
function socketOf(core: () => Core): { socketPath: string; dir: string } {
  const dir = core().configDir;
  const socketPath = agentSocketPath(dir);
  if (!socketPath) throw new BadInputError(noAgentReason(dir));
  return { socketPath, dir };
}

/** `ctm agent status [--json]`. */
export async function agentStatusCommand(
  { values }: ParsedCommand<typeof AGENT_STATUS_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  return showStatus(socketOf(core).socketPath, values.json === true, terminal);
}

/** `ctm agent start [--quiet]`. */
export async function agentStartCommand(
  { values }: ParsedCommand<typeof AGENT_START_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  const { socketPath, dir } = socketOf(core);
  return startInBackground(socketPath, resolve(dir), values.quiet === true, terminal);
}

/** `ctm agent stop`. */
export async function agentStopCommand(
  _input: ParsedCommand<typeof AGENT_STOP_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  return stop(socketOf(core).socketPath, terminal);
}

/** `ctm agent run`: the agent in the foreground. */
export async function agentRunCommand(
  _input: ParsedCommand<typeof AGENT_RUN_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  return runInForeground(socketOf(core).socketPath, core(), terminal);
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
    if (json)
      terminal.stdout.write(
        `${JSON.stringify({ running: false, trusted: false, reason: answer.reason, socket: socketPath })}\n`,
      );
    terminal.stderr.write(`ctm: something listens at ${socketPath}, but ctm does not trust it: ${answer.reason}.\n`);
    return EXIT.failure;
  }
  const status =
    answer.kind === 'reply' && answer.reply.ok && 'status' in answer.reply ? answer.reply.status : undefined;
  if (!status || answer.kind !== 'reply') {
    terminal.stdout.write(
      json
        ? `${JSON.stringify({ running: false, socket: socketPath })}\n`
        : `No agent is running (${socketPath}). Start one with: ctm agent start\n`,
    );
    return EXIT.failure;
  }
  const account = describeAccount(answer.ownerUid);
  if (json) {
    terminal.stdout.write(
      `${JSON.stringify({ running: true, trusted: true, ...status, startedAt: new Date(status.startedAt).toISOString(), account, uid: answer.ownerUid, socket: socketPath })}\n`,
    );
  } else {
    const host = status.host === 'app' ? 'the desktop app' : 'ctm agent';
    terminal.stdout.write(
      `Agent running (${host}, pid ${status.pid}, account ${account}, since ${new Date(status.startedAt).toISOString()}, ${status.requests} token requests) on ${socketPath}\n`,
    );
  }
  return EXIT.ok;
}

/** Starts `ctm agent run` detached and waits until it says it listens, or why it could not; --quiet says nothing unless it fails. */
async function startInBackground(
  socketPath: string,
  configFolder: string,
  quiet: boolean,
  terminal: Terminal,
): Promise<number> {
  const running = await statusOf(socketPath);
  if (running) {
    if (!quiet) terminal.stderr.write(`An agent is already running (pid ${running.pid}).\n`);
    return EXIT.ok;
  }
  const self = selfInvocation(['agent', 'run']);
  if (!self)
    throw new CtmError('internal', 'ctm cannot start itself here; run "ctm agent run" in the background instead.');
  // Its own session (closing the terminal does not end it); its only channel back is IPC, closed once it has answered.
  // In / as daemons go, so it keeps no folder busy; the config folder is passed as an absolute path for that reason.
  const env = { ...selfEnvironment(), CTM_CONFIG_DIR: configFolder };
  const child = spawn(self.command, self.args, {
    cwd: '/',
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    windowsHide: true,
  });
  const outcome = await new Promise<{ pid: number; warning?: string } | { error: string }>((resolve) => {
    child.once('message', (message: { started?: number; error?: string; warning?: string }) =>
      resolve(
        message.error !== undefined
          ? { error: message.error }
          : { pid: message.started ?? child.pid ?? 0, ...(message.warning ? { warning: message.warning } : {}) },
      ),
    );
    child.once('error', () => resolve({ error: 'The agent process could not be started.' }));
    child.once('exit', (code) =>
      resolve({ error: `The agent stopped while starting (exit code ${code}); run "ctm agent run" to see why.` }),
    );
  });
  if (child.connected) child.disconnect();
  child.unref();
  if ('error' in outcome) throw new CtmError('internal', outcome.error);
  if (outcome.warning) terminal.stderr.write(`${outcome.warning}\n`); // even when quiet: it is about a secret
  if (!quiet)
    terminal.stderr.write(
      `Agent started (pid ${outcome.pid}): a cached "ctm token" now comes from memory. Stop it with: ctm agent stop\n`,
    );
  return EXIT.ok;
}

async function stop(socketPath: string, terminal: Terminal): Promise<number> {
  const status = await statusOf(socketPath);
  if (!status) {
    terminal.stderr.write('No agent is running.\n');
    return EXIT.ok;
  }
  const reply = await askAgent(socketPath, { v: 1, op: 'stop' });
  if (!reply?.ok)
    throw new CtmError('internal', reply && !reply.ok ? reply.error : 'The agent did not answer the stop request.');
  terminal.stderr.write(`Agent stopped (pid ${status.pid}).\n`);
  return EXIT.ok;
}

/** Serves until Ctrl-C (exit 130), SIGTERM or SIGHUP (exit 0), or `ctm agent stop` (exit 0). */
async function runInForeground(socketPath: string, app: Core, terminal: Terminal): Promise<number> {
  let finish: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => (finish = resolve));
  const handlers: [NodeJS.Signals, number][] = [
    ['SIGINT', EXIT.interrupted],
    ['SIGTERM', EXIT.ok],
    ['SIGHUP', EXIT.ok],
  ];
  let agent;
  try {
    agent = await startTokenAgent({
      socketPath,
      host: 'ctm',
      version: CTM_VERSION,
      tokens: cachedTokenSource(app),
      awsCredentials: cachedAwsCredentialSource(app),
      onStop: () => finish(EXIT.ok),
    });
  } catch (error) {
    tellParent({ error: error instanceof CtmError ? error.message : 'The agent could not start.' });
    throw error;
  }
  const listeners = handlers.map(([signal, code]) => [signal, () => finish(code)] as const);
  for (const [signal, listener] of listeners) process.once(signal, listener);
  // The local OAuth 2.0 token endpoint (issue 22) is served beside the socket; it never stops the agent from starting
  // (`ctm endpoint credentials` says when nothing answers at its URL).
  const endpoint = await startAgentEndpoint(app, dirname(socketPath));
  // Another account on the endpoint's port is said at once, not only logged: API clients would send it their secrets.
  const warning = 'off' in endpoint && endpoint.otherAccount ? endpoint.off : undefined;
  if (!tellParent({ started: process.pid, ...(warning ? { warning } : {}) })) {
    terminal.stderr.write(
      `Agent serving cached tokens on ${socketPath} (pid ${process.pid}). Stop it with Ctrl-C or: ctm agent stop\n`,
    );
    if (warning) terminal.stderr.write(`${warning}\n`);
  }
  const code = await finished;
  for (const [signal, listener] of listeners) process.off(signal, listener);
  if ('running' in endpoint) await endpoint.running.close();
  await agent.close();
  return code;
}

/** Tells `ctm agent start` how the start went, over the IPC channel it opened; false when there is none. */
function tellParent(message: { started: number; warning?: string } | { error: string }): boolean {
  if (!process.send) return false;
  process.send(message);
  process.disconnect();
  return true;
}
