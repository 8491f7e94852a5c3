import { chmod, lstat, mkdir, stat, unlink } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { dirname } from 'node:path';
import { CtmError } from '../errors.ts';
import { askAgent } from './agent-client.ts';
import { MAX_AGENT_MESSAGE_BYTES, parseAgentRequest, type AgentHost, type AgentReply, type AgentRequest, type AgentTokens } from './agent-protocol.ts';

/** What the agent serves and how it is told to stop. */
export interface TokenAgentOptions {
  socketPath: string;
  host: AgentHost;
  version: string;
  /** The cached tokens of a profile (a name or id; undefined: the default profile), or undefined when none are cached. */
  tokens(profile: string | undefined): Promise<AgentTokens | undefined>;
  /** A `stop` request; without it the agent refuses to stop (the app's agent ends when the app quits). */
  onStop?: () => void;
}

/** A listening agent. */
export interface RunningAgent {
  readonly socketPath: string;
  /** Stops listening, ends open connections and removes the socket file (libuv unlinks it when the server closes). */
  close(): Promise<void>;
}

/** Another agent already answers on this socket. */
export class AgentRunningError extends CtmError {
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
    if (request.op === 'status') return { v: 1, ok: true, status: { pid: process.pid, host: options.host, version: options.version, startedAt, requests } };
    if (request.op === 'stop') {
      if (!options.onStop) return { v: 1, ok: false, error: 'This agent is the desktop app\'s: it stops when the app quits.' };
      setImmediate(options.onStop);
      return { v: 1, ok: true, stopping: true };
    }
    requests += 1;
    const tokens = await options.tokens(request.profile);
    return tokens ? { v: 1, ok: true, tokens } : { v: 1, ok: true };
  };
  const server = createServer((socket) => serve(socket, open, answer));
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

function serve(socket: Socket, open: Set<Socket>, answer: (request: AgentRequest) => Promise<AgentReply>): void {
  open.add(socket);
  socket.on('close', () => open.delete(socket));
  socket.on('error', () => socket.destroy());
  // A slow or silent client is dropped after 5 s; a real `ctm` writes its one line at once. A literal, not a named
  // constant: electronegativity (test/slow/electronegativity.test.ts) flags any setTimeout whose first argument it
  // cannot resolve, as if it were code to evaluate.
  socket.setTimeout(5_000, () => socket.destroy());
  socket.setEncoding('utf8');
  let received = '';
  const reply = (message: AgentReply): void => void socket.end(`${JSON.stringify(message)}\n`);
  const onData = (chunk: string): void => {
    received += chunk;
    const end = received.indexOf('\n');
    if (end < 0) {
      if (received.length > MAX_AGENT_MESSAGE_BYTES) socket.destroy();
      return;
    }
    socket.off('data', onData);
    const request = parseAgentRequest(received.slice(0, end));
    if (typeof request === 'string') return reply({ v: 1, ok: false, error: request });
    answer(request).then(reply, (error: unknown) => {
      // Messages of our errors are written for people and carry no secret; anything else is not repeated.
      reply({ v: 1, ok: false, error: error instanceof CtmError ? error.message : 'The agent could not read the cached tokens.' });
    });
  };
  socket.on('data', onData);
}

/** The folder must exist and be the user's alone: a socket in a folder others can enter is refused (gpg-agent does the same). */
async function prepareFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const info = await stat(folder);
  if ((info.mode & 0o077) !== 0 || (typeof process.getuid === 'function' && info.uid !== process.getuid())) {
    throw new CtmError('config', `The token agent needs a config folder only you can open; run: chmod 700 '${folder}'`);
  }
}

/** A socket left by an agent that died is removed; a live agent, or a file that is not a socket, stops us. */
async function removeStaleSocket(socketPath: string): Promise<void> {
  const existing = await lstat(socketPath).catch(() => undefined);
  if (!existing) return;
  if (!existing.isSocket()) throw new CtmError('config', `${socketPath} exists and is not the agent's socket; move it away and start the agent again.`);
  const reply = await askAgent(socketPath, { v: 1, op: 'status' });
  if (reply?.ok && 'status' in reply) throw new AgentRunningError(socketPath, reply.status.pid);
  await unlink(socketPath);
}

function listen(server: Server, socketPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Another agent bound the path between our check and our bind: it is the one running.
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new AgentRunningError(socketPath, undefined) : error));
    server.listen(socketPath, () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
}
