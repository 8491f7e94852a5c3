import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A private D-Bus session with an unlocked gnome-keyring, in its own temporary HOME. */
export interface KeyringSession {
  /** Environment for processes that should use this keyring (DBUS_SESSION_BUS_ADDRESS, HOME, XDG_RUNTIME_DIR). */
  env: Record<string, string>;
  home: string;
  /** The gnome-keyring-daemon's process id, for tests that stop or freeze it. */
  keyringPid: number;
  dbusPid: number;
  /** Stops both daemons and deletes the temporary HOME. */
  stop(): Promise<void>;
}

const KEYRING_PASSWORD = 'ctm-test-keyring';

/** Starts dbus-daemon and gnome-keyring-daemon (secrets component), unlocked, and waits until the Secret Service answers. */
export async function startKeyringSession(): Promise<KeyringSession> {
  const home = mkdtempSync(join(tmpdir(), 'ctm-keyring-'));
  const runtime = join(home, 'run');
  mkdirSync(runtime, { mode: 0o700 });
  const base = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, XDG_RUNTIME_DIR: runtime, XDG_DATA_HOME: join(home, '.local/share') };
  const bus = spawnSync('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'], { env: base, encoding: 'utf8' });
  const [address, pid] = bus.stdout.trim().split('\n');
  if (bus.status !== 0 || !address || !pid) throw new Error(`dbus-daemon did not start: ${bus.stderr}`);
  const env = { ...base, DBUS_SESSION_BUS_ADDRESS: address };
  const keyring: ChildProcess = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], { env, stdio: ['pipe', 'ignore', 'ignore'] });
  keyring.stdin?.end(KEYRING_PASSWORD);
  await waitForSecretService(env);
  const dbusPid = Number(pid);
  return {
    env,
    home,
    keyringPid: keyring.pid ?? -1,
    dbusPid,
    stop: async () => {
      try { process.kill(keyring.pid ?? -1, 'SIGCONT'); } catch { /* already gone */ }
      keyring.kill('SIGTERM');
      try { process.kill(dbusPid, 'SIGTERM'); } catch { /* already gone */ }
      await sleep(20);
      rmSync(home, { recursive: true, force: true });
    },
  };
}

async function waitForSecretService(env: Record<string, string>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    // NameHasOwner does not trigger D-Bus activation, which would start a second, locked keyring.
    const owned = spawnSync('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'], { env, encoding: 'utf8' });
    if (owned.stdout.includes('boolean true')) return;
    await sleep(50);
  }
  throw new Error('gnome-keyring-daemon did not register the Secret Service on the private bus.');
}

/** Points this process (and the keytar it loads later) at a keyring session. Call before the first keychain use. */
export function useKeyringSession(session: KeyringSession): void {
  Object.assign(process.env, session.env);
}
