import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { askAgent } from '../../../../main/core/agent/agent-client.ts';
import type { AgentTokens } from '../../../../main/core/agent/agent-protocol.ts';
import { AgentRunningError, startTokenAgent, type RunningAgent, type TokenAgentOptions } from '../../../../main/core/agent/token-agent.ts';
import { NotFoundError } from '../../../../main/core/errors.ts';

const TOKENS: AgentTokens = { profileId: 'p1', profileName: 'dev', accessToken: 'a.b.c', idToken: 'i.d.t', tokenType: 'Bearer', expiresAt: 2_000, issuedAt: 1_000 };

/** Sends raw bytes and collects everything until the agent closes the connection. */
function rawExchange(path: string, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = createConnection(path);
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', () => undefined); // a reset by the agent ends the exchange like a close
    socket.on('close', () => resolve(received));
    socket.write(text);
  });
}

// Real Unix sockets in a real temporary folder; the token source is a stand-in for the vault (named so below).
describe('startTokenAgent: the token agent on a real Unix socket (stand-in token source)', () => {
  let folder: string;
  let path: string;
  const running: RunningAgent[] = [];
  const start = async (options: Partial<TokenAgentOptions> = {}): Promise<RunningAgent> => {
    const agent = await startTokenAgent({ socketPath: path, host: 'ctm', version: '9.9.9', tokens: async (profile) => (profile === 'dev' || profile === undefined ? TOKENS : undefined), ...options });
    running.push(agent);
    return agent;
  };

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'ctm-agent-'));
    path = join(folder, 'agent.sock');
  });
  afterEach(async () => {
    for (const agent of running.splice(0)) await agent.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers token requests from its source, by name or for the default profile, and a miss as no tokens', async () => {
    await start();
    expect(await askAgent(path, { v: 1, op: 'token', profile: 'dev' })).toEqual({ v: 1, ok: true, tokens: TOKENS });
    expect(await askAgent(path, { v: 1, op: 'token' })).toEqual({ v: 1, ok: true, tokens: TOKENS });
    expect(await askAgent(path, { v: 1, op: 'token', profile: 'other' })).toEqual({ v: 1, ok: true });
  });

  it('reports its status, counting token requests only', async () => {
    await start({ host: 'app' });
    await askAgent(path, { v: 1, op: 'token', profile: 'dev' });
    const reply = await askAgent(path, { v: 1, op: 'status' });
    expect(reply).toMatchObject({ ok: true, status: { pid: process.pid, host: 'app', version: '9.9.9', requests: 1 } });
  });

  it('stops on request only when it has a stop handler (the app\'s agent refuses)', async () => {
    let stopped = 0;
    await start({ onStop: () => void (stopped += 1) });
    expect(await askAgent(path, { v: 1, op: 'stop' })).toEqual({ v: 1, ok: true, stopping: true });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(1);
    await running.pop()?.close();
    await start({ host: 'app' });
    expect(await askAgent(path, { v: 1, op: 'stop' })).toEqual({ v: 1, ok: false, error: 'This agent is the desktop app\'s: it stops when the app quits.' });
  });

  it('listens on a socket only its owner may use, and removes it when closed', async () => {
    const agent = await start();
    expect(lstatSync(path).isSocket()).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await agent.close();
    running.pop();
    expect(existsSync(path)).toBe(false);
  });

  it('refuses to start twice on one socket, naming the running agent\'s pid', async () => {
    await start();
    const second = startTokenAgent({ socketPath: path, host: 'ctm', version: '1', tokens: async () => undefined });
    await expect(second).rejects.toBeInstanceOf(AgentRunningError);
    await expect(second).rejects.toThrow(`A token agent is already running (pid ${process.pid})`);
    expect(await askAgent(path, { v: 1, op: 'token', profile: 'dev' })).toMatchObject({ ok: true, tokens: TOKENS });
  });

  it('replaces the socket an agent left behind when it was killed', async () => {
    const killed = spawnSync(process.execPath, ['-e', `require('node:net').createServer().listen(${JSON.stringify(path)}, () => process.kill(process.pid, 'SIGKILL'))`]);
    expect(killed.signal).toBe('SIGKILL');
    expect(lstatSync(path).isSocket()).toBe(true);
    await start();
    expect(await askAgent(path, { v: 1, op: 'token', profile: 'dev' })).toMatchObject({ ok: true, tokens: TOKENS });
  });

  it('never deletes a file that is not a socket, and refuses a folder others can open', async () => {
    writeFileSync(path, 'mine');
    await expect(start()).rejects.toThrow(/exists and is not the agent's socket; move it away/);
    expect(readFileSync(path, 'utf8')).toBe('mine');
    rmSync(path);
    chmodSync(folder, 0o755);
    await expect(start()).rejects.toThrow(`The token agent needs a config folder only you can open; run: chmod 700 '${folder}'`);
    expect(existsSync(path)).toBe(false);
  });

  it('creates a missing config folder 0700', async () => {
    path = join(folder, 'new', 'agent.sock');
    await start();
    expect(statSync(join(folder, 'new')).mode & 0o777).toBe(0o700);
  });

  it('answers a malformed request with a reason, and a failing source with its own message or a generic one', async () => {
    await start({
      tokens: async (profile) => {
        if (profile === 'gone') throw new NotFoundError('No profile named "gone".');
        throw new Error('secret-looking detail eyJhbGciOi');
      },
    });
    expect(await rawExchange(path, 'hello\n')).toBe('{"v":1,"ok":false,"error":"The request is not a JSON object."}\n');
    expect(await askAgent(path, { v: 1, op: 'token', profile: 'gone' })).toEqual({ v: 1, ok: false, error: 'No profile named "gone".' });
    const generic = await rawExchange(path, '{"v":1,"op":"token","profile":"x"}\n');
    expect(generic).toBe('{"v":1,"ok":false,"error":"The agent could not read the cached tokens."}\n');
  });

  it('drops a client that sends more than a request can be, without answering', async () => {
    await start();
    expect(await rawExchange(path, 'x'.repeat(300 * 1024))).toBe('');
    expect(await askAgent(path, { v: 1, op: 'token', profile: 'dev' })).toMatchObject({ ok: true });
  });
});

describe('askAgent: no usable answer is undefined, so ctm reads the keychain itself', () => {
  let folder: string;
  beforeEach(() => void (folder = mkdtempSync(join(tmpdir(), 'ctm-agent-client-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('with no socket, with a process that never answers (after the timeout), and with a reply that is not the protocol', async () => {
    expect(await askAgent(join(folder, 'none.sock'), { v: 1, op: 'status' })).toBeUndefined();
    const silent = createServer((socket) => socket.resume()); // reads, so it sees the client hang up
    await new Promise<void>((resolve) => silent.listen(join(folder, 'silent.sock'), resolve));
    expect(await askAgent(join(folder, 'silent.sock'), { v: 1, op: 'status' }, 100)).toBeUndefined();
    const foreign = createServer((socket) => socket.resume().end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    await new Promise<void>((resolve) => foreign.listen(join(folder, 'foreign.sock'), resolve));
    expect(await askAgent(join(folder, 'foreign.sock'), { v: 1, op: 'status' })).toBeUndefined();
    await new Promise((resolve) => silent.close(resolve));
    await new Promise((resolve) => foreign.close(resolve));
  });
});
