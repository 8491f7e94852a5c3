import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { askAgent } from '../../../../main/core/agent/agent-client.ts';
import type { AgentTokens } from '../../../../main/core/agent/agent-protocol.ts';
import { startAppTokenAgent, type AppTokenAgentOptions } from '../../../../main/core/agent/app-token-agent.ts';
import { startTokenAgent, type RunningAgent } from '../../../../main/core/agent/token-agent.ts';
import type { Logger } from '../../../../main/core/logging/logger.ts';
import { unsignedJwt } from '../../../support/jwt-fixture.ts';

const TOKENS: AgentTokens = {
  profileId: 'p1',
  profileName: 'dev',
  accessToken: unsignedJwt({ token_use: 'access' }),
  tokenType: 'Bearer',
  expiresAt: 2_000,
  issuedAt: 1_000,
};

/** A logger that keeps what it was told, as `level: message`. */
function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void =>
      void lines.push(`${level}: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`);
  return { lines, info: keep('info'), warn: keep('warn'), error: keep('error') };
}

describe('startAppTokenAgent', () => {
  const toClose: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(toClose.splice(0).map((agent) => agent.close()));
  });
  const setUp = (overrides: Partial<AppTokenAgentOptions> = {}) => {
    const configDir = mkdtempSync(join(tmpdir(), 'ctm-app-agent-'));
    const logger = recordingLogger();
    const host = startAppTokenAgent({
      configDir,
      version: '9.8.7',
      tokens: async (profile) => (profile === 'dev' ? TOKENS : undefined),
      logger,
      platform: 'linux',
      ...overrides,
    });
    toClose.push(host);
    return { host, logger, socket: join(configDir, 'agent.sock'), configDir };
  };

  it("serves the app's tokens as host 'app' and refuses a stop request: it stops when the app quits", async () => {
    const { host, socket, logger } = setUp();
    expect(await host.started).toMatchObject({ socketPath: socket });
    expect(await askAgent(socket, { v: 1, op: 'status' })).toMatchObject({
      ok: true,
      status: { host: 'app', version: '9.8.7', pid: process.pid },
    });
    expect(await askAgent(socket, { v: 1, op: 'token', profile: 'dev' })).toEqual({ v: 1, ok: true, tokens: TOKENS });
    expect(await askAgent(socket, { v: 1, op: 'stop' })).toEqual({
      v: 1,
      ok: false,
      error: expect.stringMatching(/stops when the app quits/),
    });
    expect(await askAgent(socket, { v: 1, op: 'status' })).toMatchObject({ ok: true });
    expect(logger.lines).toEqual([expect.stringMatching(/^info: The app runs the token agent/)]);
  });

  it("removes the socket file before close() settles (Electron may exit right after 'will-quit')", async () => {
    const { host, socket } = setUp();
    await host.started;
    expect(existsSync(socket)).toBe(true);
    const closed = host.close();
    expect(existsSync(socket)).toBe(false);
    await closed;
    expect(await askAgent(socket, { v: 1, op: 'status' })).toBeUndefined();
  });

  it('closes an agent whose start had not settled when the app quit', async () => {
    const { host, socket } = setUp();
    await host.close();
    expect(await host.started).toBeDefined();
    expect(existsSync(socket)).toBe(false);
  });

  it("leaves another agent alone: one log line, no agent of the app's, the other still answering after the app's close", async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'ctm-app-agent-'));
    const socket = join(configDir, 'agent.sock');
    const other: RunningAgent = await startTokenAgent({
      socketPath: socket,
      host: 'ctm',
      version: '1.0.0',
      tokens: async () => undefined,
      onStop: () => undefined,
    });
    toClose.push(other);
    const { host, logger } = setUp({ configDir });
    expect(await host.started).toBeUndefined();
    await host.close();
    expect(logger.lines).toEqual([
      `info: Another token agent already answers ctm token (pid ${process.pid}); the app runs none of its own while it does.`,
    ]);
    expect(await askAgent(socket, { v: 1, op: 'status' })).toMatchObject({ ok: true, status: { host: 'ctm' } });
  });

  it('runs none in a config folder others can open, and logs why (the chmod to run)', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'ctm-app-agent-'));
    chmodSync(configDir, 0o755);
    const { host, logger, socket } = setUp({ configDir });
    expect(await host.started).toBeUndefined();
    expect(existsSync(socket)).toBe(false);
    expect(logger.lines).toEqual([
      expect.stringMatching(
        /^warn: The app runs no token agent: ctm reads the keychain itself\. \{"reason":"The token agent needs a config folder only you can open: the config folder \S+ can be opened by other accounts; run: chmod 700 /,
      ),
    ]);
    await expect(host.close()).resolves.toBeUndefined();
  });

  it('runs none where there is no socket path: silently on Windows, with the reason for a path too long', async () => {
    const windows = setUp({ platform: 'win32' });
    expect(await windows.host.started).toBeUndefined();
    expect(windows.logger.lines).toEqual([]);
    const long = setUp({ configDir: join(tmpdir(), 'x'.repeat(120)) });
    expect(await long.host.started).toBeUndefined();
    expect(long.logger.lines).toEqual([
      expect.stringMatching(
        /^warn: The app runs no token agent\. The config folder's path is too long for a Unix socket/,
      ),
    ]);
    expect(existsSync(join(tmpdir(), 'x'.repeat(120)))).toBe(false);
  });

  it('takes over once the agent it deferred to has stopped, and says it deferred only once (checked every millisecond here, so checks overlap a start)', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'ctm-app-agent-'));
    const socket = join(configDir, 'agent.sock');
    const other = await startTokenAgent({
      socketPath: socket,
      host: 'ctm',
      version: '1.0.0',
      tokens: async () => undefined,
      onStop: () => undefined,
    });
    const { host, logger } = setUp({ configDir, takeOverCheckMs: 1 });
    expect(await host.started).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await askAgent(socket, { v: 1, op: 'status' })).toMatchObject({ ok: true, status: { host: 'ctm' } });
    await other.close();
    let status;
    // The socket answers a moment before the app's log line is written: wait for both (up to 2 s).
    for (let i = 0; i < 100 && (status?.ok !== true || logger.lines.length < 2); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = await askAgent(socket, { v: 1, op: 'status' });
    }
    expect(status).toMatchObject({ ok: true, status: { host: 'app' } });
    expect(await askAgent(socket, { v: 1, op: 'token', profile: 'dev' })).toEqual({ v: 1, ok: true, tokens: TOKENS });
    expect(logger.lines).toEqual([
      expect.stringMatching(/^info: Another token agent already answers/),
      expect.stringMatching(/^info: The app runs the token agent/),
    ]);
    await host.close();
    expect(existsSync(socket)).toBe(false);
  });

  it('stops looking for a take-over once the app quits', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'ctm-app-agent-'));
    const socket = join(configDir, 'agent.sock');
    const other = await startTokenAgent({
      socketPath: socket,
      host: 'ctm',
      version: '1.0.0',
      tokens: async () => undefined,
      onStop: () => undefined,
    });
    const { host } = setUp({ configDir, takeOverCheckMs: 20 });
    expect(await host.started).toBeUndefined();
    await host.close();
    await other.close();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(existsSync(socket)).toBe(false);
  });
});
