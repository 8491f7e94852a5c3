import { CtmError } from '../errors.ts';
import type { Logger } from '../logging/logger.ts';
import { askAgent } from './agent-client.ts';
import { agentSocketPath, noAgentReason } from './agent-socket.ts';
import { AgentRunningError, startTokenAgent, type RunningAgent, type TokenAgentOptions } from './token-agent.ts';

/** What the desktop app hands its token agent. */
export interface AppTokenAgentOptions {
  configDir: string;
  version: string;
  tokens: TokenAgentOptions['tokens'];
  /** Cached identity-pool AWS credentials for `ctm aws-credentials` (main/core/aws/agent-aws-source.ts). */
  awsCredentials?: TokenAgentOptions['awsCredentials'];
  logger: Logger;
  platform?: NodeJS.Platform;
  /** How often the app looks whether another agent it deferred to has gone (tests pass a short one). */
  takeOverCheckMs?: number;
}

/** A `ctm agent` found at start may be stopped later: the app then serves again, found within this time. */
const TAKE_OVER_CHECK_MS = 60_000;

/** The desktop app's token agent over the app's life. */
export interface AppTokenAgent {
  /** Settles (never rejects) once the start is over: the agent, or undefined when the app runs none. */
  readonly started: Promise<RunningAgent | undefined>;
  /**
   * Closes the agent. When it is already listening, its socket file is gone before this returns (server.close()
   * unlinks it at once): Electron may end the process right after 'will-quit', without waiting for any promise.
   */
  close(): Promise<void>;
}

/**
 * Starts the app's token agent (host 'app', no stop request honoured: it stops when the app quits). Nothing here can
 * fail the app: with no socket path (Windows, a path too long), another agent already answering (ctm still gets its
 * answers there), or any other problem, the app runs without one and says why in its log.
 */
export function startAppTokenAgent(options: AppTokenAgentOptions): AppTokenAgent {
  let running: RunningAgent | undefined;
  let closed = false;
  let closing: Promise<void> | undefined;
  let check: NodeJS.Timeout | undefined;
  // Deferred to another agent: when it is gone (its `ctm agent stop`), this one takes its place.
  // One attempt at a time: a check that fires while the last one is still starting would find that very agent
  // answering and log a deferral to it.
  let attempting = false;
  const takeOver = async (socketPath: string): Promise<void> => {
    if (closed || running || attempting) return;
    attempting = true;
    try {
      if (await askAgent(socketPath, { v: 1, op: 'status' })) return;
      const outcome = await attemptStart(options);
      if (closed) return void (await outcome.agent?.close());
      running = outcome.agent;
      if (running && check) clearInterval(check);
    } finally {
      attempting = false;
    }
  };
  const started = attemptStart(options).then((outcome) => {
    running = outcome.agent;
    if (outcome.deferredTo && !closed) {
      const socketPath = outcome.deferredTo;
      check = setInterval(
        () => void takeOver(socketPath).catch(() => undefined),
        options.takeOverCheckMs ?? TAKE_OVER_CHECK_MS,
      );
      check.unref();
    }
    return outcome.agent;
  });
  return {
    started,
    close() {
      closed = true;
      if (check) clearInterval(check);
      // A quit before the start settled closes the agent as soon as it listens.
      closing ??= running ? running.close() : started.then(() => running?.close());
      return closing;
    },
  };
}

/** How one start attempt ended: the app's agent, or none (with the socket of the agent deferred to, if that was why). */
interface StartOutcome {
  agent?: RunningAgent;
  deferredTo?: string;
}

async function attemptStart({
  configDir,
  version,
  tokens,
  awsCredentials,
  logger,
  platform = process.platform,
}: AppTokenAgentOptions): Promise<StartOutcome> {
  const socketPath = agentSocketPath(configDir, platform);
  if (!socketPath) {
    // Windows has no agent by design; a path too long is worth a line, since a shorter CTM_CONFIG_DIR fixes it.
    if (platform !== 'win32') logger.warn(`The app runs no token agent. ${noAgentReason(configDir, platform)}`);
    return {};
  }
  try {
    const agent = await startTokenAgent({
      socketPath,
      host: 'app',
      version,
      tokens,
      ...(awsCredentials ? { awsCredentials } : {}),
    });
    logger.info('The app runs the token agent: a cached ctm token is answered from its memory.');
    return { agent };
  } catch (error) {
    if (error instanceof AgentRunningError) {
      logger.info(
        `Another token agent already answers ctm token${error.pid ? ` (pid ${error.pid})` : ''}; the app runs none of its own while it does.`,
      );
      return { deferredTo: socketPath };
    }
    // Our errors are written for people and carry no secret; of anything else only its code is kept.
    logger.warn('The app runs no token agent: ctm reads the keychain itself.', {
      reason: error instanceof CtmError ? error.message : codeOf(error),
    });
    return {};
  }
}

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'unexpected error';
}
