import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A private D-Bus session with an unlocked gnome-keyring, in its own temporary HOME. */
export interface KeyringSession {
  /** Environment for processes that should use this keyring (DBUS_SESSION_BUS_ADDRESS, HOME, XDG_RUNTIME_DIR). */
  env: Record<string, string>;
  /** The HOME of this test file's processes. */
  home: string;
  /** The HOME the daemon keeps its keyring files in: `home` for a file's own keyring, the worker's for a shared one. */
  daemonHome: string;
  /** The gnome-keyring-daemon's process id, for tests that stop or freeze it. */
  keyringPid: number;
  dbusPid: number;
  /** Stops both daemons and deletes the temporary HOME (a worker's keyring: only the file's own HOME). */
  stop(): Promise<void>;
}

/** How the global setup (worker-keyrings.ts) hands each pool slot its keyring: one entry per slot, as JSON. */
export const WORKER_KEYRINGS_VARIABLE = 'CTM_TEST_KEYRINGS';

/** What a test file needs to reach a keyring another process started. */
export interface KeyringAddress {
  address: string;
  daemonHome: string;
  keyringPid: number;
  dbusPid: number;
}

const KEYRING_PASSWORD = 'ctm-test-keyring';

/** A temporary HOME with XDG_RUNTIME_DIR (mode 0700) and XDG_DATA_HOME inside it. */
function temporaryHome(): { home: string; base: Record<string, string> } {
  const home = mkdtempSync(join(tmpdir(), 'ctm-keyring-'));
  const runtime = join(home, 'run');
  mkdirSync(runtime, { mode: 0o700 });
  return {
    home,
    base: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      XDG_RUNTIME_DIR: runtime,
      XDG_DATA_HOME: join(home, '.local/share'),
    },
  };
}

/**
 * Starts dbus-daemon and gnome-keyring-daemon (secrets component), unlocked, and waits until the Secret Service answers.
 * A file's own keyring: for tests that stop, freeze or lock it (workerKeyringSession() is the shared one).
 */
export async function startKeyringSession(): Promise<KeyringSession> {
  const { home, base } = temporaryHome();
  const bus = spawnSync('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'], {
    env: base,
    encoding: 'utf8',
  });
  const [address, pid] = bus.stdout.trim().split('\n');
  if (bus.status !== 0 || !address || !pid) throw new Error(`dbus-daemon did not start: ${bus.stderr}`);
  const env = { ...base, DBUS_SESSION_BUS_ADDRESS: address };
  const keyring: ChildProcess = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
    env,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  keyring.stdin?.end(KEYRING_PASSWORD);
  await waitForSecretService(env);
  const dbusPid = Number(pid);
  return {
    env,
    home,
    daemonHome: home,
    keyringPid: keyring.pid ?? -1,
    dbusPid,
    stop: async () => {
      try {
        process.kill(keyring.pid ?? -1, 'SIGCONT');
      } catch {
        /* already gone */
      }
      keyring.kill('SIGTERM');
      try {
        process.kill(dbusPid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await sleep(20);
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/**
 * This test worker's keyring, started once per pool slot by the global setup (test/support/worker-keyrings.ts) instead
 * of once per file, emptied for this file, with a HOME and XDG_RUNTIME_DIR of the file's own. Files of one slot run one
 * after the other, so no two files ever share it at once. Outside such a run (a bench, a single-file script): a
 * private one. A test that stops, freezes or locks the keyring must use startKeyringSession(): the next file would get it.
 */
export async function workerKeyringSession(): Promise<KeyringSession> {
  const slots = process.env[WORKER_KEYRINGS_VARIABLE];
  const slot = Number(process.env.VITEST_POOL_ID);
  const shared = slots ? (JSON.parse(slots) as KeyringAddress[])[slot - 1] : undefined;
  if (!shared) return startKeyringSession();
  const { home, base } = temporaryHome();
  const env = { ...base, DBUS_SESSION_BUS_ADDRESS: shared.address };
  if (!secretServiceOwned(env))
    throw new Error(
      `the keyring of test worker ${slot} is gone: a test stopped it (such a test must use startKeyringSession())`,
    );
  emptyKeyring(env);
  return {
    env,
    home,
    daemonHome: shared.daemonHome,
    keyringPid: shared.keyringPid,
    dbusPid: shared.dbusPid,
    stop: async () => rmSync(home, { recursive: true, force: true }),
  };
}

/** Deletes every item keytar (libsecret's generic schema) stored, whatever its service: a file starts on an empty keyring. */
function emptyKeyring(env: Record<string, string>): void {
  const run = spawnSync('secret-tool', ['clear', 'xdg:schema', 'org.freedesktop.Secret.Generic'], {
    env,
    encoding: 'utf8',
  });
  // secret-tool exits 1 without a word when there was nothing to delete.
  const emptyAlready = run.status === 1 && run.stderr === '';
  if (run.status !== 0 && !emptyAlready)
    throw new Error(
      `could not empty the worker's keyring: ${run.stderr || run.error?.message || `secret-tool exited ${run.status}`}`,
    );
}

function secretServiceOwned(env: Record<string, string>): boolean {
  // NameHasOwner does not trigger D-Bus activation, which would start a second, locked keyring.
  const owned = spawnSync(
    'dbus-send',
    [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      'string:org.freedesktop.secrets',
    ],
    { env, encoding: 'utf8' },
  );
  return owned.stdout.includes('boolean true');
}

async function waitForSecretService(env: Record<string, string>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (secretServiceOwned(env)) return;
    await sleep(50);
  }
  throw new Error('gnome-keyring-daemon did not register the Secret Service on the private bus.');
}

/** Points this process (and the keytar it loads later) at a keyring session. Call before the first keychain use. */
export function useKeyringSession(session: KeyringSession): void {
  Object.assign(process.env, session.env);
}
