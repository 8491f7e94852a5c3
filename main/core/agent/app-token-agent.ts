import { CtmError } from '../errors.ts';
import type { Logger } from '../logging/logger.ts';
import { agentSocketPath, noAgentReason } from './agent-socket.ts';
import { AgentRunningError, startTokenAgent, type RunningAgent, type TokenAgentOptions } from './token-agent.ts';

/** What the desktop app hands its token agent. */
export interface AppTokenAgentOptions {
  configDir: string;
  version: string;
  tokens: TokenAgentOptions['tokens'];
  logger: Logger;
  platform?: NodeJS.Platform;
}

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
  let closing: Promise<void> | undefined;
  const started = attemptStart(options).then((agent) => (running = agent));
  return {
    started,
    close() {
      // A quit before the start settled closes the agent as soon as it listens.
      closing ??= running ? running.close() : started.then((agent) => agent?.close());
      return closing;
    },
  };
}

async function attemptStart({ configDir, version, tokens, logger, platform = process.platform }: AppTokenAgentOptions): Promise<RunningAgent | undefined> {
  const socketPath = agentSocketPath(configDir, platform);
  if (!socketPath) {
    // Windows has no agent by design; a path too long is worth a line, since a shorter CTM_CONFIG_DIR fixes it.
    if (platform !== 'win32') logger.warn(`The app runs no token agent. ${noAgentReason(configDir, platform)}`);
    return undefined;
  }
  try {
    const agent = await startTokenAgent({ socketPath, host: 'app', version, tokens });
    logger.info('The app runs the token agent: a cached ctm token is answered from its memory.');
    return agent;
  } catch (error) {
    if (error instanceof AgentRunningError) {
      logger.info(`Another token agent already answers ctm token${error.pid ? ` (pid ${error.pid})` : ''}; the app runs none of its own.`);
    } else {
      // Our errors are written for people and carry no secret; of anything else only its code is kept.
      logger.warn('The app runs no token agent: ctm reads the keychain itself.', { reason: error instanceof CtmError ? error.message : codeOf(error) });
    }
    return undefined;
  }
}

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'unexpected error';
}
