import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CTM_VERSION } from '../../../main/cli/version.ts';
import { logFilePath } from '../../../main/core/logging/file-logger.ts';
import { startEmulator, type Emulator } from '../../support/emulator/index.ts';
import type { Call } from '../../support/electron-standin/standin-app.ts';
import { workerKeyringSession, type KeyringSession } from '../../support/keyring-session.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

/** What recording-electron.ts prints when its 'hold' step starts waiting. */
const HOLDING_LINE = 'ctm-standin: holding';
/** A session bus nobody listens on: a `ctm` given it cannot reach the keychain, so only an agent can answer it. */
const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };

/** out/main/index.cjs on the Electron stand-in, in the background: `held` once it reaches 'hold', `release()` to go on. */
interface RunningApp {
  child: ChildProcess;
  held: Promise<void>;
  release(): void;
  done: Promise<{ calls: Call[]; stderr: string }>;
}

function startMain(steps: string[], env: Record<string, string>): RunningApp {
  const child = spawn(process.execPath, ['--no-warnings', 'test/support/electron-standin/recording-electron.ts'], {
    env: { PATH: process.env.PATH ?? '', CTM_STANDIN_STEPS: steps.join(','), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 50_000,
  });
  let stdout = '';
  let stderr = '';
  const done = new Promise<{ calls: Call[]; stderr: string }>((resolve) => {
    child.on('close', () => resolve({ calls: JSON.parse(stdout.trim().split('\n').at(-1) || '[]') as Call[], stderr }));
  });
  const held = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes(`${HOLDING_LINE}\n`)) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', () => reject(new Error(`the app ended before its 'hold' step: ${stderr}`)));
  });
  return { child, held, release: () => child.stdin.end('go\n'), done };
}

/** The app's log lines about the token agent, once there is one: the app's start attempt is then over. */
async function agentLogLines(configDir: string): Promise<string[]> {
  const read = (): string[] => {
    const text = existsSync(logFilePath(configDir)) ? readFileSync(logFilePath(configDir), 'utf8') : '';
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { message: string }).message)
      .filter((m) => /token agent/.test(m));
  };
  for (let attempt = 0; attempt < 200 && read().length === 0; attempt++) await sleep(50);
  return read();
}

const named = (calls: Call[], api: string): Call[] => calls.filter((c) => c.api === api);

describe.skipIf(!HAS_KEYRING)(
  'main/index.ts runs the token agent while the app is open: ctm in other processes, the real keyring (Electron stood in)',
  () => {
    let keyring: KeyringSession;
    let emulator: Emulator;
    const apps: RunningApp[] = [];
    beforeAll(async () => {
      keyring = await workerKeyringSession();
      emulator = await startEmulator({ seed: skeletonSeed() });
    });
    afterEach(() => {
      // A failed check leaves its app holding: end it, so the run does not wait for the child's timeout.
      for (const app of apps.splice(0)) if (app.child.exitCode === null) app.child.kill();
    });
    afterAll(async () => {
      await emulator?.close();
      await keyring?.stop();
    });
    const newConfig = () => {
      const configDir = mkdtempSync(join(tmpdir(), 'ctm-app-agent-'));
      return { configDir, socket: join(configDir, 'agent.sock'), env: { ...keyring.env, CTM_CONFIG_DIR: configDir } };
    };
    const launch = (steps: string[], env: Record<string, string>): RunningApp => {
      const app = startMain(steps, env);
      apps.push(app);
      return app;
    };
    const status = async (env: Record<string, string>): Promise<Record<string, unknown>> =>
      JSON.parse((await runCtm(['agent', 'status', '--json'], env)).stdout) as Record<string, unknown>;

    it("answers `ctm agent status` as the app's agent, refuses `ctm agent stop`, and removes its socket when the app quits", async () => {
      const { configDir, socket, env } = newConfig();
      const app = launch(['wait-tray', 'hold', 'quit'], env);
      await app.held;
      expect(await agentLogLines(configDir)).toEqual([
        'The app runs the token agent: a cached ctm token is answered from its memory.',
      ]);
      expect(await status(env)).toMatchObject({
        running: true,
        host: 'app',
        pid: app.child.pid,
        version: CTM_VERSION,
        socket,
      });

      const stop = await runCtm(['agent', 'stop'], env);
      expect(stop.code).not.toBe(0);
      expect(stop.stderr).toMatch(/stops when the app quits/);
      expect(await status(env)).toMatchObject({ running: true, host: 'app', pid: app.child.pid });

      app.release();
      const { calls, stderr } = await app.done;
      expect(stderr).toBe('');
      expect(named(calls, 'app.exited').map((c) => c.args[0])).toEqual([0]);
      expect(existsSync(socket)).toBe(false);
      const after = await runCtm(['agent', 'status', '--json'], env);
      expect(after.code).toBe(1);
      expect(JSON.parse(after.stdout)).toEqual({ running: false, socket });
    });

    it("starts normally when `ctm agent start` ran first: window and tray, one log line, and ctm's agent keeps answering", async () => {
      const { configDir, socket, env } = newConfig();
      expect((await runCtm(['agent', 'start'], env)).code).toBe(0);
      try {
        const ctmAgent = await status(env);
        expect(ctmAgent).toMatchObject({ running: true, host: 'ctm' });
        const app = launch(['wait-window', 'wait-tray', 'hold', 'quit'], env);
        await app.held;
        expect(await agentLogLines(configDir)).toEqual([
          `Another token agent already answers ctm token (pid ${String(ctmAgent.pid)}); the app runs none of its own while it does.`,
        ]);
        expect(await status(env)).toMatchObject({ running: true, host: 'ctm', pid: ctmAgent.pid });

        app.release();
        const { calls, stderr } = await app.done;
        expect(stderr).toBe('');
        expect(named(calls, 'window.show')).toHaveLength(1);
        expect(named(calls, 'tray.setContextMenu').length).toBeGreaterThan(0);
        // Quitting the app leaves the other agent and its socket alone.
        expect(existsSync(socket)).toBe(true);
        expect(await status(env)).toMatchObject({ running: true, host: 'ctm', pid: ctmAgent.pid });
      } finally {
        expect((await runCtm(['agent', 'stop'], env)).code).toBe(0);
      }
    });

    it("serves a signed-in profile's tokens to a ctm that cannot reach the keychain, equal to the session's, only while the app runs", async () => {
      const { configDir, env } = newConfig();
      const added = await runCtm(
        [
          'profile',
          'add',
          'dev',
          '--user-pool-id',
          TEST_POOL,
          '--client-id',
          PUBLIC_CLIENT,
          '--username',
          'alice',
          '--auth-flow',
          'USER_PASSWORD_AUTH',
          '--endpoint',
          emulator.endpoint,
        ],
        env,
      );
      expect(added.code).toBe(0);
      expect((await runCtm(['login', 'dev', '--password-stdin'], env, `${ALICE_PASSWORD}\n`)).code).toBe(0);
      const app = launch(['wait-tray', 'hold', 'quit'], env);
      await app.held;
      await agentLogLines(configDir);

      // Booleans, not the values: a failure must not print a token.
      for (const type of ['access', 'id']) {
        const fromVault = await runCtm(['token', 'dev', '--type', type], { ...env, CTM_NO_AGENT: '1' });
        const fromApp = await runCtm(['token', 'dev', '--type', type], { ...env, ...NO_KEYCHAIN });
        expect(fromVault.code, `ctm token --type ${type}, keychain read`).toBe(0);
        expect(fromApp.code, `ctm token --type ${type}, no keychain`).toBe(0);
        expect(fromApp.stderr).toBe('');
        expect(/^eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/.test(fromVault.stdout), `the session's ${type} token is a JWT`).toBe(
          true,
        );
        expect(fromApp.stdout === fromVault.stdout, `the app's agent serves the session's ${type} token`).toBe(true);
      }
      expect(await status(env)).toMatchObject({ host: 'app', requests: 2 });

      app.release();
      expect((await app.done).stderr).toBe('');
      // The control: without the app, the same ctm has nowhere to get the token from.
      const alone = await runCtm(['token', 'dev'], { ...env, ...NO_KEYCHAIN, CTM_KEYCHAIN_TIMEOUT_MS: '2000' });
      expect(alone.code).not.toBe(0);
      expect(alone.stdout === '', 'no token printed without the app').toBe(true);
    });
  },
);
