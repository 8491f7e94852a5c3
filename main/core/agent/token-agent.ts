import { chmod, lstat, mkdir, stat, unlink } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { dirname } from 'node:path';
import { CtmError } from '../errors.ts';
import { askAgent } from './agent-client.ts';
import { privateFolderProblem } from './agent-trust.ts';
import {
  MAX_AGENT_REQUEST_BYTES,
  parseAgentRequest,
  type AgentAwsCredentials,
  type AgentHost,
  type AgentReply,
  type AgentRequest,
  type AgentTokens,
} from './agent-protocol.ts';

/** What the agent serves and how it is told to stop. */
export interface TokenAgentOptions {
  socketPath: string;
  host: AgentHost;
  version: string;
  /** The cached tokens of a profile (a name or id; undefined: the default profile), or undefined when none are cached. */
  tokens(profile: string | undefined): Promise<AgentTokens | undefined>;
  /** A profile's cached identity-pool AWS credentials (main/core/aws/agent-aws-source.ts); without it the agent has none. */
  awsCredentials?: (profile: string) => Promise<AgentAwsCredentials | undefined>;
  /** A `stop` request; without it the agent refuses to stop (the app's agent ends when the app quits). */
  onStop?: () => void;
  /** Connections served at once; more are closed at once (tests pass a small one). */
  maxConnections?: number;
  /** How long a connection may take in all, from connect to reply (tests pass a short one). */
  deadlineMs?: number;
}

/**
 * Connections served at once: a `ctm token` holds one for a millisecond, so this many only ever meet a flood (a
 * runaway script, a stuck client). Past it the agent closes new ones at once; ctm then reads the keychain itself.
 */
export const MAX_AGENT_CONNECTIONS = 32;

/**
 * A connection's whole life, from connect to reply: a real `ctm` writes its one line at once. It is one deadline, not
 * an idle timer: a client dribbling a byte at a time cannot keep a connection (and its buffer) open for ever.
 */
export const AGENT_DEADLINE_MS = 5_000;

/** A listening agent. */
export interface RunningAgent {
  readonly socketPath: string;
  /** Stops listening, ends open connections and removes the socket file (libuv unlinks it when the server closes). */
  close(): Promise<void>;
}

/** Another agent already answers on this socket. */
export class AgentRunningError extends CtmError {
  override readonly name: string = 'AgentRunningError';
  readonly pid: number | undefined;
  constructor(socketPath: string, pid: number | undefined) {
    super('bad-input', `A token agent is already running${pid ? ` (pid ${pid})` : ''} on ${socketPath}.`);
    this.pid = pid;
  }
}

/**
 * Starts the token agent: a Unix socket in the (0700) config folder that answers `ctm token` from memory instead of
 * the keychain, like ssh-agent for keys. A stale socket left by a crash is replaced; a live one is an AgentRunningError.
 */
export async function startTokenAgent(options: TokenAgentOptions): Promise<RunningAgent> {
  const { socketPath } = options;
  await prepareFolder(dirname(socketPath));
  await removeStaleSocket(socketPath);
  const startedAt = Date.now();
  let requests = 0;
  const open = new Set<Socket>();
  const answer = async (request: AgentRequest): Promise<AgentReply> => {
    if (request.op === 'status')
      return {
        v: 1,
        ok: true,
        status: { pid: process.pid, host: options.host, version: options.version, startedAt, requests },
      };
    if (request.op === 'stop') {
      if (!options.onStop)
        return { v: 1, ok: false, error: "This agent is the desktop app's: it stops when the app quits." };
      setImmediate(options.onStop);
      return { v: 1, ok: true, stopping: true };
    }
    requests += 1;
    if (request.op === 'aws-credentials') {
      const aws = await options.awsCredentials?.(request.profile);
      return aws ? { v: 1, ok: true, aws } : { v: 1, ok: true };
    }
    const tokens = await options.tokens(request.profile);
    return tokens ? { v: 1, ok: true, tokens } : { v: 1, ok: true };
  };
  const deadlineMs = options.deadlineMs ?? AGENT_DEADLINE_MS;
  const server = createServer((socket) => serve(socket, open, answer, deadlineMs));
  // Past the cap libuv accepts and closes at once (net.Server#maxConnections): memory stays bounded under a flood.
  server.maxConnections = options.maxConnections ?? MAX_AGENT_CONNECTIONS;
  await listen(server, socketPath);
  // Only the owner may connect, even if the folder's mode is changed later (Linux checks write permission on connect).
  await chmod(socketPath, 0o600);
  return {
    socketPath,
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serve(
  socket: Socket,
  open: Set<Socket>,
  answer: (request: AgentRequest) => Promise<AgentReply>,
  deadlineMs: number,
): void {
  open.add(socket);
  // One deadline for the whole exchange, never reset by traffic (a client sending a byte a second keeps nothing open).
  const deadline = setTimeout(() => socket.destroy(), deadlineMs);
  socket.on('close', () => {
    clearTimeout(deadline);
    open.delete(socket);
  });
  socket.on('error', () => socket.destroy());
  socket.setEncoding('utf8');
  let received = '';
  const reply = (message: AgentReply): void => void socket.end(`${JSON.stringify(message)}\n`);
  const onData = (chunk: string): void => {
    received += chunk;
    const end = received.indexOf('\n');
    // Too long, whether its line has ended or not: dropped unanswered, its buffer with it.
    if ((end < 0 ? received.length : end) > MAX_AGENT_REQUEST_BYTES) return void socket.destroy();
    if (end < 0) return;
    socket.off('data', onData);
    const request = parseAgentRequest(received.slice(0, end));
    if (typeof request === 'string') return reply({ v: 1, ok: false, error: request });
    answer(request).then(reply, (error: unknown) => {
      // Messages of our errors are written for people and carry no secret; anything else is not repeated.
      reply({
        v: 1,
        ok: false,
        error: error instanceof CtmError ? error.message : 'The agent could not read the cached tokens.',
      });
    });
  };
  socket.on('data', onData);
}

/** The folder must exist and be the user's alone: a socket in a folder others can enter is refused (gpg-agent does the same). */
async function prepareFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const problem = privateFolderProblem(folder, await stat(folder));
  if (problem) throw new CtmError('config', `The token agent needs a config folder only you can open: ${problem}.`);
}

/** A socket left by an agent that died is removed; a live agent, or a file that is not a socket, stops us. */
async function removeStaleSocket(socketPath: string): Promise<void> {
  const existing = await lstat(socketPath).catch(() => undefined);
  if (!existing) return;
  if (!existing.isSocket())
    throw new CtmError(
      'config',
      `${socketPath} exists and is not the agent's socket; move it away and start the agent again.`,
    );
  const reply = await askAgent(socketPath, { v: 1, op: 'status' });
  if (reply?.ok && 'status' in reply) throw new AgentRunningError(socketPath, reply.status.pid);
  await unlink(socketPath);
}

function listen(server: Server, socketPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Another agent bound the path between our check and our bind: it is the one running.
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new AgentRunningError(socketPath, undefined) : error),
    );
    server.listen(socketPath, () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
}
