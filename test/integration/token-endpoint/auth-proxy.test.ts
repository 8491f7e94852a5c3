import { profileRef } from '../../../main/core/profiles/profile-id.ts';
import { idOf } from '../../support/profile-ids.ts';
import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startAuthProxy, type RunningAuthProxy } from '../../../main/core/auth-proxy/auth-proxy.ts';
import { profileProxyTokens } from '../../../main/core/auth-proxy/profile-proxy-tokens.ts';
import { Core } from '../../../main/core/core.ts';
import { KeytarSecretStore } from '../../../main/core/keychain/keytar-secret-store.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { CTM, runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING, hasCommand, systemComponent } from '../../support/system-components.ts';
import { HAS_OPENSSL, selfSignedCertificate } from '../../support/self-signed-certificate.ts';
import { rawRequest } from '../../support/token-endpoint/raw-http.ts';
import { startProtectedApi, type ProtectedApi } from '../../support/token-endpoint/protected-api.ts';

const run = promisify(execFile);
const HAS_CURL = systemComponent('curl', hasCommand('curl'), 'apt-get install curl');

/** curl, as a user types it: returns the status and the body. */
async function curl(args: string[]): Promise<{ status: number; body: string }> {
  const { stdout } = await run('curl', ['-sS', '-w', '\n%{http_code}', ...args], { maxBuffer: 64 * 1024 * 1024 });
  const cut = stdout.lastIndexOf('\n');
  return { status: Number(stdout.slice(cut + 1)), body: stdout.slice(0, cut) };
}

describe.skipIf(!HAS_KEYRING || !HAS_CURL)(
  'ctm proxy: bearer injection to an emulator-protected API (curl, ws, real keyring and emulator)',
  () => {
    let app: AppFixture;
    let api: ProtectedApi;
    let core: Core;
    let proxy: RunningAuthProxy;
    let offset = 0;
    const problems: string[] = [];
    const refreshes = () =>
      app.emulator.requests.filter(
        (r) => r.operation === 'GetTokensFromRefreshToken' || r.body.AuthFlow === 'REFRESH_TOKEN_AUTH',
      ).length;
    const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);
    const lastToken = () => api.authorizations.at(-1)?.replace(/^Bearer /, '') ?? '';

    beforeAll(async () => {
      app = await startAppFixture(skeletonSeed(3600));
      api = await startProtectedApi({
        emulatorEndpoint: app.emulator.endpoint,
        poolId: TEST_POOL,
        now: () => app.emulator.now(),
      });
      for (const name of ['dev', 'idle']) {
        await ctm([
          'profile',
          'add',
          name,
          '--user-pool-id',
          TEST_POOL,
          '--client-id',
          PUBLIC_CLIENT,
          '--username',
          'alice',
          '--auth-flow',
          'USER_PASSWORD_AUTH',
          '--endpoint',
          app.emulator.endpoint,
        ]);
      }
      expect((await ctm(['login', 'dev', '--password-stdin'], `${ALICE_PASSWORD}\n`)).code).toBe(0);
      core = new Core({
        configDir: app.configDir,
        secretStore: new KeytarSecretStore(),
        clock: { now: () => Date.now() + offset },
      });
      const profile = await core.resolveProfile(profileRef('dev'));
      proxy = await startAuthProxy({
        target: new URL(api.url),
        port: 0,
        tokens: profileProxyTokens(core, profile, 'access'),
        onProblem: (m) => problems.push(m),
      });
    });
    afterAll(async () => {
      await proxy?.close();
      await api?.close();
      await app?.close();
    });

    it("curl gets through with the profile's access token, replacing the Authorization it sent", async () => {
      const answer = await curl([`${proxy.url}me`, '-H', 'Authorization: Bearer stale-token-from-a-tool']);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ token_use: 'access', client_id: PUBLIC_CLIENT });
      expect(api.authorizations.at(-1)).toBe(`Bearer ${(await core.tokens(await idOf(core, 'dev'))).accessToken}`);
      expect(api.authorizations).not.toContain('Bearer stale-token-from-a-tool');
    });

    it('attacker: without the random prefix, with another prefix, or with a rebinding Host, nothing is forwarded', async () => {
      const seen = api.authorizations.length;
      const { port } = proxy;
      const prefix = new URL(proxy.url).pathname.split('/')[1] ?? '';
      for (const path of ['/me', '/', `/${prefix.slice(0, -1)}/me`, `/${prefix}x/me`, `/${prefix.toUpperCase()}/me`]) {
        expect((await rawRequest(port, { method: 'GET', path })).status, path).toBe(404);
      }
      expect(
        (await rawRequest(port, { method: 'GET', path: `/${prefix}/me`, headers: { Host: `evil.example:${port}` } }))
          .status,
      ).toBe(404);
      expect(api.authorizations.length).toBe(seen);
    });

    it("renews before expiry: near the end of the token's life the next request carries a new token", async () => {
      await curl([`${proxy.url}me`]);
      const before = lastToken();
      const calls = refreshes();
      offset += 58 * 60_000;
      app.emulator.advanceClock(58 * 60_000);
      expect((await curl([`${proxy.url}me`])).status).toBe(200);
      expect(refreshes()).toBe(calls + 1);
      expect(lastToken()).not.toBe(before);
    });

    it('on a 401 renews once and sends the request again, body included; a body too big to keep gets the 401', async () => {
      const calls = refreshes();
      api.reject(lastToken());
      app.emulator.advanceClock(1_000); // a new iat second: the renewed token differs
      const echoed = await curl([`${proxy.url}echo`, '--data-binary', 'hello through the proxy']);
      expect(echoed.status).toBe(200);
      expect(echoed.body.split('\n')[0]).toBe('hello through the proxy');
      expect(refreshes()).toBe(calls + 1);
      const [first, second] = api.authorizations.slice(-2);
      expect(first).not.toBe(second);
      // 2 MiB cannot be kept for a second try: the target's 401 comes back as it was.
      api.reject(lastToken());
      const file = join(mkdtempSync(join(tmpdir(), 'ctm-proxy-')), 'big.bin');
      writeFileSync(file, randomBytes(2 * 1024 * 1024));
      expect((await curl([`${proxy.url}echo`, '--data-binary', `@${file}`])).status).toBe(401);
      app.emulator.advanceClock(1_000);
      expect((await curl([`${proxy.url}me`])).status).toBe(200); // the next request renews and goes through
    });

    it('streams large bodies both ways (64 MiB down, 32 MiB up), unchanged', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'ctm-proxy-'));
      const down = join(folder, 'down.bin');
      const size = 64 * 1024 * 1024;
      const got = await run('curl', [
        '-sS',
        '-o',
        down,
        '-w',
        '%{http_code} %{size_download}',
        `${proxy.url}bytes?n=${size}`,
      ]);
      expect(got.stdout).toBe(`200 ${size}`);
      expect(statSync(down).size).toBe(size);
      const up = join(folder, 'up.bin');
      const payload = randomBytes(32 * 1024 * 1024);
      writeFileSync(up, payload);
      const back = join(folder, 'back.bin');
      await run('curl', [
        '-sS',
        '-o',
        back,
        '--data-binary',
        `@${up}`,
        '-H',
        'Content-Type: application/octet-stream',
        `${proxy.url}echo`,
      ]);
      const echoed = readFileSync(back);
      expect(echoed.subarray(0, payload.length).equals(payload)).toBe(true);
      expect(echoed.subarray(payload.length).toString()).toBe(
        `\n${createHash('sha256').update(payload).digest('hex')}`,
      );
    }, 60_000);

    it('uploads sent at once to a fresh proxy (its upstream connections still opening) arrive whole', async () => {
      const fresh = await startAuthProxy({
        target: new URL(api.url),
        port: 0,
        tokens: profileProxyTokens(core, await core.resolveProfile(profileRef('dev')), 'access'),
      });
      try {
        const folder = mkdtempSync(join(tmpdir(), 'ctm-proxy-'));
        const payload = randomBytes(512 * 1024);
        writeFileSync(join(folder, 'up.bin'), payload);
        const digest = createHash('sha256').update(payload).digest('hex');
        const echoed = await Promise.all(
          Array.from({ length: 8 }, () => curl([`${fresh.url}echo`, '--data-binary', `@${join(folder, 'up.bin')}`])),
        );
        for (const answer of echoed) {
          expect(answer.status).toBe(200);
          expect(answer.body.slice(-digest.length)).toBe(digest);
        }
      } finally {
        await fresh.close();
      }
    });

    it('passes WebSocket upgrades: the handshake carries the token, frames flow both ways; a 401 handshake is renewed once', async () => {
      const exchange = async (): Promise<string> => {
        const socket = new WebSocket(`${proxy.url.replace(/^http/, 'ws')}ws`);
        await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
        const reply = new Promise<string>((resolve) =>
          socket.once('message', (data: Buffer) => resolve(data.toString())),
        );
        socket.send('ping over the proxy');
        const text = await reply;
        socket.close();
        return text;
      };
      expect(await exchange()).toBe('ping over the proxy');
      const calls = refreshes();
      api.reject(lastToken());
      app.emulator.advanceClock(1_000);
      expect(await exchange()).toBe('ping over the proxy');
      expect(refreshes()).toBe(calls + 1);
    });

    it('a profile that needs a sign-in gets 503 with what to do, and the proxy says it on stderr', async () => {
      const idle = await core.resolveProfile(profileRef('idle'));
      const idleProxy = await startAuthProxy({
        target: new URL(api.url),
        port: 0,
        tokens: profileProxyTokens(core, idle, 'access'),
        onProblem: (m) => problems.push(m),
      });
      try {
        const answer = await curl([`${idleProxy.url}me`]);
        expect(answer.status).toBe(503);
        expect(answer.body).toMatch(/ctm login idle/);
        expect(problems.at(-1)).toMatch(/ctm login idle/);
      } finally {
        await idleProxy.close();
      }
    });

    it('ctm proxy prints its URL on stdout, serves the ID token with --type id, and stops with Ctrl-C', async () => {
      const child = spawn(process.execPath, [CTM, 'proxy', 'dev', '--target', api.url, '--type', 'id'], {
        env: { PATH: process.env.PATH ?? '', ...app.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      await new Promise<void>((resolve) =>
        child.stdout.on('data', (d: Buffer) => ((stdout += d.toString()), stdout.includes('\n') && resolve())),
      );
      const url = stdout.trim();
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{22}\/$/);
      const answer = await curl([`${url}me`]);
      expect(JSON.parse(answer.body)).toMatchObject({ token_use: 'id' });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect((await ctm(['proxy', 'dev', '--target', 'ftp://example.com'])).stderr).toMatch(/http:\/\/ or https:\/\//);
      expect((await ctm(['proxy', 'dev'])).stderr).toMatch(/--target URL is missing/);
      expect((await ctm(['proxy', 'idle', '--target', api.url])).code).toBe(3);
    });

    it.skipIf(!HAS_OPENSSL)(
      'ctm proxy to an https target whose private CA is given in NODE_EXTRA_CA_CERTS: the token gets there over TLS',
      async () => {
        const certificate = selfSignedCertificate();
        const folder = mkdtempSync(join(tmpdir(), 'ctm-proxy-ca-'));
        writeFileSync(join(folder, 'ca.pem'), certificate.cert);
        const seen: string[] = [];
        const target = createHttpsServer(certificate, (req, res) => {
          seen.push(req.headers.authorization ?? '');
          res.end('over tls');
        });
        await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
        const port = (target.address() as AddressInfo).port;
        const child = spawn(process.execPath, [CTM, 'proxy', 'dev', '--target', `https://127.0.0.1:${port}/base`], {
          env: { PATH: process.env.PATH ?? '', ...app.env, NODE_EXTRA_CA_CERTS: join(folder, 'ca.pem') },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        try {
          let stdout = '';
          await new Promise<void>((resolve) =>
            child.stdout.on('data', (d: Buffer) => ((stdout += d.toString()), stdout.includes('\n') && resolve())),
          );
          expect(await curl([`${stdout.trim()}x`])).toEqual({ status: 200, body: 'over tls' });
          expect(seen).toHaveLength(1);
          expect(seen[0]).toMatch(/^Bearer eyJ/);
        } finally {
          child.kill('SIGINT');
          target.close();
          rmSync(folder, { recursive: true, force: true });
        }
      },
    );
  },
);
