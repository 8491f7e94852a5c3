import { describe, expect, it } from 'vitest';
import { agentSocketPath, MAX_SOCKET_PATH_BYTES, noAgentReason } from '../../../../main/core/agent/agent-socket.ts';

describe('agentSocketPath: where the agent of a config folder listens', () => {
  it('is agent.sock inside the config folder on Linux and macOS', () => {
    expect(agentSocketPath('/home/ana/.config/cognito-token-manager', 'linux')).toBe(
      '/home/ana/.config/cognito-token-manager/agent.sock',
    );
    expect(agentSocketPath('/Users/ana/Library/Application Support/cognito-token-manager', 'darwin')).toBe(
      '/Users/ana/Library/Application Support/cognito-token-manager/agent.sock',
    );
  });

  it('is none on Windows, nor where the path would not fit a Unix socket (sun_path, counted in bytes)', () => {
    expect(agentSocketPath('C:\\Users\\ana\\AppData\\Roaming\\cognito-token-manager', 'win32')).toBeUndefined();
    const fits = `/${'d'.repeat(MAX_SOCKET_PATH_BYTES - '/agent.sock'.length - 1)}`;
    expect(agentSocketPath(fits, 'linux')).toHaveLength(MAX_SOCKET_PATH_BYTES);
    expect(agentSocketPath(`${fits}x`, 'linux')).toBeUndefined();
    // Two bytes per letter in UTF-8: half as many letters fit.
    expect(agentSocketPath(`/${'é'.repeat(50)}`, 'linux')).toBeUndefined();
    expect(noAgentReason(`${fits}x`, 'linux')).toMatch(/too long for a Unix socket.*CTM_CONFIG_DIR/);
    expect(noAgentReason('C:\\x', 'win32')).toMatch(/not available on Windows/);
  });
});
