import { MAX_AGENT_MESSAGE_BYTES, parseAgentReply, type AgentReply, type AgentRequest } from './agent-protocol.ts';

/** How long `ctm` waits for an agent before it reads the keychain itself: a warm agent answers in about a millisecond. */
export const AGENT_TIMEOUT_MS = 1_500;

/**
 * Asks the agent at `socketPath` one question. Undefined when there is no answer to use (no agent, a stale socket, a
 * hung or foreign process, a malformed reply): the caller then does the work itself, so an agent can only save time.
 */
export function askAgent(socketPath: string, request: AgentRequest, timeoutMs = AGENT_TIMEOUT_MS): Promise<AgentReply | undefined> {
  // Loaded here, not at the top: a `ctm token` without an agent should not pay for net and streams at start-up.
  const { createConnection } = process.getBuiltinModule('node:net');
  return new Promise((resolve) => {
    let received = '';
    let settled = false;
    const socket = createConnection(socketPath);
    const finish = (reply: AgentReply | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(reply);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => {
      received += chunk;
      const end = received.indexOf('\n');
      if (end >= 0) finish(parseAgentReply(received.slice(0, end)));
      else if (received.length > MAX_AGENT_MESSAGE_BYTES) finish(undefined);
    });
    socket.on('error', () => finish(undefined));
    socket.on('close', () => finish(undefined));
  });
}
