import { profileRef } from '../../../main/core/profiles/profile-id.ts';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askAgent } from '../../../main/core/agent/agent-client.ts';
import { SettingsStore } from '../../../main/core/settings/settings-store.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { CTM, runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

// A D-Bus address nobody answers on: a `ctm` run with it cannot read the keychain, so whatever it prints came from the agent.
const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', CTM_KEYCHAIN_TIMEOUT_MS: '2000' };

describe.skipIf(!HAS_KEYRING)(
  'ctm agent: cached tokens from memory, real keyring, emulator and background process',
  () => {
    let app: AppFixture;
    const ctm = (args: string[], env: Record<string, string> = {}, stdin = '') =>
      runCtm(args, { ...app.env, ...env }, stdin);
    const socket = () => join(app.configDir, 'agent.sock');

    beforeAll(async () => {
      app = await startAppFixture(skeletonSeed(3600));
      for (const name of ['dev', 'ops']) {
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
        expect((await ctm(['login', name, '--password-stdin'], {}, `${ALICE_PASSWORD}\n`)).code).toBe(0);
      }
    });
    afterAll(async () => {
      await ctm(['agent', 'stop']);
      await app?.close();
    });

    it('says when no agent runs (exit 1), as text and as JSON', async () => {
      expect(await ctm(['agent', 'status'])).toMatchObject({
        code: 1,
        stdout: `No agent is running (${socket()}). Start one with: ctm agent start\n`,
      });
      expect(JSON.parse((await ctm(['agent', 'status', '--json'])).stdout)).toEqual({
        running: false,
        socket: socket(),
      });
      // And without one, a ctm that cannot reach the keychain has no token to give.
      expect((await ctm(['token', 'dev'], NO_KEYCHAIN)).code).not.toBe(0);
    });

    it('starts in the background once; a second start finds it', async () => {
      const started = await ctm(['agent', 'start']);
      expect(started.code).toBe(0);
      const pid = Number(/Agent started \(pid (\d+)\)/.exec(started.stderr)?.[1]);
      expect(pid).toBeGreaterThan(0);
      // A daemon keeps no folder busy: it runs in / (the config folder reaches it as an absolute path).
      expect(readlinkSync(`/proc/${pid}/cwd`)).toBe('/');
      expect(await ctm(['agent', 'start'])).toMatchObject({
        code: 0,
        stderr: `An agent is already running (pid ${pid}).\n`,
      });
      // For a shell profile: silent when there is nothing to say.
      expect(await ctm(['agent', 'start', '--quiet'])).toEqual({ code: 0, stdout: '', stderr: '' });
      const status = JSON.parse((await ctm(['agent', 'status', '--json'])).stdout) as Record<string, unknown>;
      expect(status).toMatchObject({ running: true, pid, host: 'ctm', socket: socket() });
      expect(new Date(String(status.startedAt)).getTime()).toBeLessThanOrEqual(Date.now());
    });

    it('answers ctm token with the keychain out of reach: by name, CTM_PROFILE, the default profile, in every format', async () => {
      for (const args of [
        ['token', 'dev'],
        ['token', 'dev', '--type', 'id', '--json'],
        ['token', 'ops', '--format', 'header'],
      ]) {
        const expected = await ctm(args);
        expect(expected.code).toBe(0);
        expect(await ctm(args, NO_KEYCHAIN), args.join(' ')).toEqual({ code: 0, stdout: expected.stdout, stderr: '' });
      }
      const dev = (await ctm(['token', 'dev'])).stdout;
      expect((await ctm(['token'], { ...NO_KEYCHAIN, CTM_PROFILE: 'dev' })).stdout).toBe(dev);
      const ops = await app.core.resolveProfile(profileRef('ops'));
      await new SettingsStore(app.configDir).update({ defaultProfileId: ops.id });
      expect((await ctm(['token'], NO_KEYCHAIN)).stdout).toBe((await ctm(['token', 'ops'])).stdout);
      // CTM_NO_AGENT=1 asks the keychain even with an agent running.
      expect((await ctm(['token', 'dev'], { ...NO_KEYCHAIN, CTM_NO_AGENT: '1' })).code).not.toBe(0);
    });

    it('serves what another process stored since: a refresh, then nothing after a sign-out', async () => {
      const before = (await ctm(['token', 'dev'])).stdout;
      await new Promise((resolve) => setTimeout(resolve, 1100)); // a new iat second, so the refreshed token differs
      const refreshed = await ctm(['token', 'dev', '--min-ttl', '3599.999']);
      expect(refreshed.code).toBe(0);
      expect(refreshed.stdout).not.toBe(before);
      expect((await ctm(['token', 'dev'], NO_KEYCHAIN)).stdout).toBe(refreshed.stdout);
      expect((await ctm(['logout', 'ops'])).code).toBe(0);
      expect((await ctm(['token', 'ops'], NO_KEYCHAIN)).code).not.toBe(0);
      expect((await ctm(['token', 'ops'])).code).toBe(3);
    });

    it('hands out access and ID tokens only: never the refresh token', async () => {
      const dev = await app.core.resolveProfile(profileRef('dev'));
      const session = await app.vault.session(dev.id);
      expect(session?.refreshToken).toBeTruthy();
      const reply = await askAgent(socket(), { v: 1, op: 'token', profile: 'dev' });
      expect(reply && 'tokens' in reply ? Object.keys(reply.tokens ?? {}).sort() : []).toEqual([
        'accessToken',
        'expiresAt',
        'idToken',
        'issuedAt',
        'profileId',
        'profileName',
        'tokenType',
      ]);
      expect(JSON.stringify(reply)).not.toContain(session?.refreshToken);
    });

    it('stops on request and removes its socket; stopping again is not an error', async () => {
      expect(await ctm(['agent', 'stop'])).toMatchObject({
        code: 0,
        stderr: expect.stringMatching(/^Agent stopped \(pid \d+\)\.\n$/) as unknown,
      });
      for (let i = 0; i < 40 && existsSync(socket()); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(existsSync(socket())).toBe(false);
      expect((await ctm(['agent', 'status'])).code).toBe(1);
      expect(await ctm(['agent', 'stop'])).toMatchObject({ code: 0, stderr: 'No agent is running.\n' });
    });

    it('runs in the foreground until Ctrl-C (exit 130) or SIGTERM (exit 0), and cleans up either way', async () => {
      for (const [signal, code] of [
        ['SIGINT', 130],
        ['SIGTERM', 0],
      ] as const) {
        const child = spawn(process.execPath, [CTM, 'agent', 'run'], {
          env: { PATH: process.env.PATH ?? '', ...app.env },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        await new Promise<void>((resolve) =>
          child.stderr.on('data', (d: Buffer) => ((stderr += d.toString()), stderr.includes('\n') && resolve())),
        );
        expect(stderr).toBe(
          `Agent serving cached tokens on ${socket()} (pid ${child.pid}). Stop it with Ctrl-C or: ctm agent stop\n`,
        );
        expect((await ctm(['token', 'dev'], NO_KEYCHAIN)).code).toBe(0);
        const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
        child.kill(signal);
        expect(await exited).toBe(code);
        expect(existsSync(socket())).toBe(false);
      }
    });

    it('refuses to start in a folder others can open, and explains usage mistakes', async () => {
      chmodSync(app.configDir, 0o755);
      try {
        const refused = await ctm(['agent', 'start']);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toBe(
          `ctm: The token agent needs a config folder only you can open: the config folder ${app.configDir} can be opened by other accounts; run: chmod 700 '${app.configDir}'.\n`,
        );
        expect(existsSync(socket())).toBe(false);
      } finally {
        chmodSync(app.configDir, 0o700);
      }
      expect(await ctm(['agent'])).toMatchObject({
        code: 2,
        stdout: expect.stringMatching(/^ {2}agent start +starts the token agent/m) as unknown,
      });
      expect(await ctm(['agent', 'strat'])).toMatchObject({
        code: 2,
        stderr: 'ctm: Unknown command "agent strat". Did you mean "ctm agent start"? See: ctm agent --help\n',
      });
      expect((await ctm(['agent', 'stop', '--quiet'])).code).toBe(2);
      expect((await ctm(['agent', 'start', '--json'])).code).toBe(2);
    });
  },
);
