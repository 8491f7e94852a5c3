import { existsSync } from 'node:fs';
import { MAX_AGENT_MESSAGE_BYTES, parseAgentReply, type AgentReply, type AgentRequest } from './agent-protocol.ts';
import { verifyAgentSocket } from './agent-trust.ts';

/** How long `ctm` waits for an agent before it reads the keychain itself: a warm agent answers in about a millisecond. */
export const AGENT_TIMEOUT_MS = 1_500;

/**
 * What came of asking the agent: its checked reply (with the account that owns its socket), no agent at all, a socket
 * ctm will not talk to (`untrusted`: not this account's, or in a folder others can change), or an answer ctm refused
 * (`refused`: not the protocol, a token that is not a JWT, another profile's tokens).
 */
export type AgentAnswer =
  | { kind: 'reply'; reply: AgentReply; ownerUid: number }
  | { kind: 'absent' }
  | { kind: 'untrusted'; reason: string }
  | { kind: 'refused'; reason: string };

/**
 * Asks the agent at `socketPath` one question, after checking whose socket it is and before believing its reply. Never
 * rejects: a caller can always do the work itself instead, so an agent can only save time.
 */
export async function consultAgent(
  socketPath: string,
  request: AgentRequest,
  timeoutMs = AGENT_TIMEOUT_MS,
): Promise<AgentAnswer> {
  // No socket file, no agent: the cached path then skips loading net at all.
  if (!existsSync(socketPath)) return { kind: 'absent' };
  const place = verifyAgentSocket(socketPath);
  if (!place.trusted) return { kind: 'untrusted', reason: place.reason };
  const line = await exchange(socketPath, request, timeoutMs);
  if (line === undefined) return { kind: 'absent' };
  const reply = parseAgentReply(line);
  const problem = reply
    ? replyProblem(request, reply)
    : 'its answer is not the agent protocol (or carries a token that is not a JWT)';
  return reply && !problem
    ? { kind: 'reply', reply, ownerUid: place.ownerUid }
    : { kind: 'refused', reason: problem ?? '' };
}

/** The reply to `request`, or undefined when there is none to use (see consultAgent for why). */
export async function askAgent(
  socketPath: string,
  request: AgentRequest,
  timeoutMs = AGENT_TIMEOUT_MS,
): Promise<AgentReply | undefined> {
  const answer = await consultAgent(socketPath, request, timeoutMs);
  return answer.kind === 'reply' ? answer.reply : undefined;
}

/** Why a well-formed reply does not answer the question asked, or undefined when it does. */
function replyProblem(request: AgentRequest, reply: AgentReply): string | undefined {
  if (!reply.ok) return undefined;
  if (request.op === 'status') return 'status' in reply ? undefined : 'it did not answer with its status';
  if (request.op === 'stop') return 'stopping' in reply ? undefined : 'it did not answer the stop request';
  if (request.op === 'aws-credentials') {
    if ('status' in reply || 'stopping' in reply || 'tokens' in reply) return 'it did not answer with AWS credentials';
    const aws = 'aws' in reply ? reply.aws : undefined;
    return aws && aws.profileName !== request.profile && aws.profileId !== request.profile
      ? 'it answered with the AWS credentials of another profile'
      : undefined;
  }
  if ('status' in reply || 'stopping' in reply || 'aws' in reply) return 'it did not answer with tokens';
  const tokens = 'tokens' in reply ? reply.tokens : undefined;
  if (
    tokens &&
    request.profile !== undefined &&
    tokens.profileName !== request.profile &&
    tokens.profileId !== request.profile
  )
    return 'it answered with the tokens of another profile';
  return undefined;
}

/** Sends one request line and resolves to the first reply line, or undefined (no answer, a hang-up, too long, too slow). */
function exchange(socketPath: string, request: AgentRequest, timeoutMs: number): Promise<string | undefined> {
  // Loaded here, not at the top: a `ctm token` without an agent should not pay for net and streams at start-up.
  const { createConnection } = process.getBuiltinModule('node:net');
  return new Promise((resolve) => {
    let received = '';
    let settled = false;
    const socket = createConnection(socketPath);
    const finish = (line: string | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(line);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => {
      received += chunk;
      const end = received.indexOf('\n');
      if (end >= 0) finish(received.slice(0, end));
      else if (received.length > MAX_AGENT_MESSAGE_BYTES) finish(undefined);
    });
    socket.on('error', () => finish(undefined));
    socket.on('close', () => finish(undefined));
  });
}
