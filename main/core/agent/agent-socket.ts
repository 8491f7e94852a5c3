import { join } from 'node:path';

/** The socket's file name inside the config folder. */
export const AGENT_SOCKET_NAME = 'agent.sock';

/**
 * The longest socket path every Unix accepts: `sun_path` holds 104 bytes on macOS and the BSDs, 108 on Linux, both
 * counting the final NUL (unix(7), unix(4)). A longer path would be cut, and another file's name would be bound.
 */
export const MAX_SOCKET_PATH_BYTES = 103;

/**
 * Where the token agent of a config folder listens: `agent.sock` inside the folder itself, which the app creates 0700,
 * so only its owner can reach the socket (as ssh-agent and gpg-agent rely on their own folders). Undefined where there
 * is no agent: on Windows (a named pipe's default ACL lets every local account open it for reading; keytar's
 * Credential Manager reads are local calls anyway), and when the path is too long for a Unix socket.
 */
export function agentSocketPath(configDir: string, platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform === 'win32') return undefined;
  const path = join(configDir, AGENT_SOCKET_NAME);
  return Buffer.byteLength(path) <= MAX_SOCKET_PATH_BYTES ? path : undefined;
}

/** Why `agentSocketPath` has no answer, as one actionable line. */
export function noAgentReason(configDir: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32')
    return 'The token agent is not available on Windows; ctm reads the Credential Manager directly.';
  return `The config folder's path is too long for a Unix socket (${MAX_SOCKET_PATH_BYTES} bytes at most with "/${AGENT_SOCKET_NAME}"): set CTM_CONFIG_DIR to a shorter folder to use the agent. ${configDir}`;
}
