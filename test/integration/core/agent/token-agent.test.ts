import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { askAgent, consultAgent } from '../../../../main/core/agent/agent-client.ts';
import type { AgentTokens } from '../../../../main/core/agent/agent-protocol.ts';
import {
  AgentRunningError,
  startTokenAgent,
  type RunningAgent,
  type TokenAgentOptions,
} from '../../../../main/core/agent/token-agent.ts';
import { NotFoundError } from '../../../../main/core/errors.ts';
import { unsignedJwt } from '../../../support/jwt-fixture.ts';

const TOKENS: AgentTokens = {
  profileId: 'p1',
  profileName: 'dev',
  accessToken: unsignedJwt({ token_use: 'access' }),
  idToken: unsignedJwt({ token_use: 'id' }),
  tokenType: 'Bearer',
  expiresAt: 2_000,
  issuedAt: 1_000,
};

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
    const agent = await startTokenAgent({
      socketPath: path,
      host: 'ctm',
      version: '9.9.9',
      tokens: async (profile) => (profile === 'dev' || profile === undefined ? TOKENS : undefined),
      ...options,
    });
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

  it("stops on request only when it has a stop handler (the app's agent refuses)", async () => {
    let stopped = 0;
    await start({ onStop: () => void (stopped += 1) });
    expect(await askAgent(path, { v: 1, op: 'stop' })).toEqual({ v: 1, ok: true, stopping: true });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(1);
    await running.pop()?.close();
    await start({ host: 'app' });
    expect(await askAgent(path, { v: 1, op: 'stop' })).toEqual({
      v: 1,
      ok: false,
      error: "This agent is the desktop app's: it stops when the app quits.",
    });
  });

  it('listens on a socket only its owner may use, and removes it when closed', async () => {
    const agent = await start();
    expect(lstatSync(path).isSocket()).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await agent.close();
    running.pop();
    expect(existsSync(path)).toBe(false);
  });

  it("refuses to start twice on one socket, naming the running agent's pid", async () => {
    await start();
    const second = startTokenAgent({ socketPath: path, host: 'ctm', version: '1', tokens: async () => undefined });
    await expect(second).rejects.toBeInstanceOf(AgentRunningError);
    await expect(second).rejects.toThrow(`A token agent is already running (pid ${process.pid})`);
    expect(await askAgent(path, { v: 1, op: 'token', profile: 'dev' })).toMatchObject({ ok: true, tokens: TOKENS });
  });

  it('replaces the socket an agent left behind when it was killed', async () => {
    const killed = spawnSync(process.execPath, [
      '-e',
      `require('node:net').createServer().listen(${JSON.stringify(path)}, () => process.kill(process.pid, 'SIGKILL'))`,
    ]);
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
    await expect(start()).rejects.toThrow(
      `The token agent needs a config folder only you can open: the config folder ${folder} can be opened by other accounts; run: chmod 700 '${folder}'.`,
    );
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
    expect(await askAgent(path, { v: 1, op: 'token', profile: 'gone' })).toEqual({
      v: 1,
      ok: false,
      error: 'No profile named "gone".',
    });
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

// The limits an attacker (or a runaway script) of the same account meets: real sockets, a stand-in token source.
describe('startTokenAgent under a flood: connection cap, request size, one deadline per connection', () => {
  let folder: string;
  let path: string;
  let agent: RunningAgent | undefined;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'ctm-agent-flood-'));
    path = join(folder, 'agent.sock');
  });
  afterEach(async () => {
    await agent?.close();
    rmSync(folder, { recursive: true, force: true });
  });
  const start = async (options: Partial<TokenAgentOptions>) =>
    (agent = await startTokenAgent({
      socketPath: path,
      host: 'ctm',
      version: '1',
      tokens: async () => TOKENS,
      ...options,
    }));
  /** Opens a connection that sends one byte and nothing more; resolves once connected, with whether the agent closed it at once. */
  const slowClient = (): Promise<{ socket: Socket; closed: Promise<void> }> =>
    new Promise((resolve) => {
      const socket = createConnection(path);
      socket.on('error', () => undefined);
      const closed = new Promise<void>((done) => socket.on('close', () => done()));
      socket.on('connect', () => (socket.write('{'), resolve({ socket, closed })));
    });

  it('holds at most its cap of slow clients, closes the rest at once, and serves again once they are gone', async () => {
    await start({ maxConnections: 4 });
    const clients = await Promise.all(Array.from({ length: 400 }, slowClient));
    // The ones past the cap are closed by the agent itself; give the closes a moment to arrive, then count the open.
    await Promise.race([
      Promise.all(clients.slice(4).map((c) => c.closed)),
      new Promise((resolve) => setTimeout(resolve, 5_000)),
    ]);
    const open = clients.filter((c) => !c.socket.destroyed && c.socket.readyState === 'open');
    expect(open.length).toBeLessThanOrEqual(4);
    for (const client of clients) client.socket.destroy();
    await Promise.all(clients.map((c) => c.closed));
    // Given back: a real request is answered again (the server's count of connections went down as they closed).
    for (let i = 0; i < 50 && !(await askAgent(path, { v: 1, op: 'status' })); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await askAgent(path, { v: 1, op: 'token', profile: 'dev' })).toMatchObject({ ok: true, tokens: TOKENS });
  });

  it('drops a request line longer than any real request, without answering', async () => {
    await start({});
    expect(await rawExchange(path, `{"v":1,"op":"status","pad":"${'x'.repeat(2048)}"}\n`)).toBe('');
    expect(await rawExchange(path, '{"v":1,"op":"status"}\n')).toMatch(/"ok":true/);
  });

  it('ends a connection at its deadline even while the client keeps sending a byte at a time', async () => {
    await start({ deadlineMs: 300 });
    const socket = createConnection(path);
    socket.on('error', () => undefined);
    let sent = 0;
    // An idle timer would be reset by every byte, and this client would be served for ever (it never ends its line).
    const dribble = setInterval(() => {
      if (!socket.destroyed && sent < 400) socket.write(' ', () => undefined);
      sent += 1;
    }, 10);
    await new Promise((resolve) => socket.on('close', resolve));
    clearInterval(dribble);
    expect(sent).toBeLessThan(400);
  });
});

describe('consultAgent: ctm verifies the agent before it trusts it, and checks every reply', () => {
  let folder: string;
  const servers: Server[] = [];
  beforeEach(() => void (folder = mkdtempSync(join(tmpdir(), 'ctm-agent-verify-'))));
  afterEach(async () => {
    for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
    rmSync(folder, { recursive: true, force: true });
  });
  /** A stand-in agent (named so) answering every request with `reply`. */
  const fake = async (name: string, reply: unknown): Promise<string> => {
    const path = join(folder, name);
    const server = createServer((socket) => socket.once('data', () => socket.end(`${JSON.stringify(reply)}\n`)));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(path, resolve));
    return path;
  };

  it('answers with the checked reply and the account owning the socket', async () => {
    const path = await fake('good.sock', { v: 1, ok: true, tokens: TOKENS });
    chmodSync(path, 0o600);
    expect(await consultAgent(path, { v: 1, op: 'token', profile: 'dev' })).toEqual({
      kind: 'reply',
      reply: { v: 1, ok: true, tokens: TOKENS },
      ownerUid: process.getuid?.(),
    });
  });

  it('does not talk to a socket others may write, nor to one in a folder others can open', async () => {
    const path = await fake('open.sock', { v: 1, ok: true, tokens: TOKENS });
    chmodSync(path, 0o666);
    expect(await consultAgent(path, { v: 1, op: 'token' })).toEqual({
      kind: 'untrusted',
      reason: `${path} can be used by other accounts`,
    });
    chmodSync(path, 0o600);
    chmodSync(folder, 0o755);
    expect(await consultAgent(path, { v: 1, op: 'token' })).toEqual({
      kind: 'untrusted',
      reason: `the config folder ${folder} can be opened by other accounts; run: chmod 700 '${folder}'`,
    });
  });

  it('refuses tokens of another profile, tokens that are not JWTs, and an answer to another question', async () => {
    const other = await fake('other.sock', {
      v: 1,
      ok: true,
      tokens: { ...TOKENS, profileId: 'p2', profileName: 'prod' },
    });
    expect(await consultAgent(other, { v: 1, op: 'token', profile: 'dev' })).toEqual({
      kind: 'refused',
      reason: 'it answered with the tokens of another profile',
    });
    const hostile = await fake('hostile.sock', {
      v: 1,
      ok: true,
      tokens: { ...TOKENS, accessToken: "eyJhbGciOiJSUzI1NiJ9.e30.x'; id > /tmp/pwned; echo '" },
    });
    expect(await consultAgent(hostile, { v: 1, op: 'token', profile: 'dev' })).toMatchObject({ kind: 'refused' });
    const good = await fake('tokens.sock', { v: 1, ok: true, tokens: TOKENS });
    expect(await consultAgent(good, { v: 1, op: 'status' })).toEqual({
      kind: 'refused',
      reason: 'it did not answer with its status',
    });
    expect(await askAgent(good, { v: 1, op: 'stop' })).toBeUndefined();
  });
});
