import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKeyringSession, type KeyringSession } from '../support/keyring-session.ts';
import { hasCommand } from '../support/system-components.ts';

/** The keychain the demo uses: the user's own, or (on Linux without one) a private gnome-keyring session. */
export interface DemoKeychain {
  /** Extra environment `ctm` and the app need to reach it (empty for the user's own keychain). */
  env: Record<string, string>;
  description: string;
  stop(): Promise<void>;
}

/**
 * Probes the keychain the way the printed commands will use it (`ctm status` in a child process, so this
 * process's keytar binds to the right D-Bus only later), and falls back to a private keyring where possible.
 * Demo entries are keyed by the demo profiles' ids and removed when the demo stops.
 */
export async function demoKeychain(ctm: string): Promise<DemoKeychain> {
  if (keychainAnswers(ctm, {}))
    return {
      env: {},
      description: 'your OS keychain (demo entries are removed when the demo stops)',
      stop: async () => undefined,
    };
  if (process.platform !== 'linux' || !hasCommand('dbus-daemon') || !hasCommand('gnome-keyring-daemon')) {
    throw new Error(
      'the OS keychain did not answer. Unlock or start it (on Linux: gnome-keyring or KWallet in a D-Bus session) and run the demo again.',
    );
  }
  const session: KeyringSession = await startKeyringSession();
  return {
    env: { DBUS_SESSION_BUS_ADDRESS: session.env.DBUS_SESSION_BUS_ADDRESS ?? '' },
    description: 'a private gnome-keyring started for the demo (no Secret Service was running)',
    stop: () => session.stop(),
  };
}

function keychainAnswers(ctm: string, env: Record<string, string>): boolean {
  const emptyConfig = mkdtempSync(join(tmpdir(), 'ctm-demo-probe-'));
  try {
    const run = spawnSync(process.execPath, [ctm, 'status'], {
      env: { ...process.env, ...env, CTM_CONFIG_DIR: emptyConfig, CTM_KEYCHAIN_TIMEOUT_MS: '5000' },
      stdio: 'ignore',
      timeout: 15_000,
    });
    return run.status === 0;
  } finally {
    rmSync(emptyConfig, { recursive: true, force: true });
  }
}
