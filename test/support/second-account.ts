import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { hasCommand, systemComponent } from './system-components.ts';

/** The local account a hostile-neighbour test acts as: created by the test itself (as root), never a real person's. */
export interface LocalAccount {
  name: string;
  uid: number;
  gid: number;
}

/** The name of the test's second account. */
export const NEIGHBOUR_NAME = 'ctm-neighbour';

const CAN_CREATE = process.getuid?.() === 0 && hasCommand('useradd') && hasCommand('setpriv') && hasCommand('getent');

/**
 * Whether a second local account can be had: the tests run as root (CI does) with useradd and setpriv. Missing under
 * REQUIRE_SYSTEM_TESTS=1: throws, so the suite fails loudly instead of skipping.
 */
export const HAS_SECOND_ACCOUNT = systemComponent(
  'a second local account (root with useradd and setpriv)',
  CAN_CREATE,
  'run the tests as root on Linux (util-linux setpriv, passwd useradd)',
);

/**
 * The neighbour's account, created when missing (a system account without a home or a login shell). Several test
 * files may create it at once: a useradd that loses the race (exit 9, name in use) is fine.
 */
export function neighbourAccount(): LocalAccount {
  let entry = lookup();
  if (!entry) {
    const made = spawnSync(
      'useradd',
      ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', NEIGHBOUR_NAME],
      { encoding: 'utf8' },
    );
    if (made.status !== 0 && made.status !== 9) throw new Error(`useradd ${NEIGHBOUR_NAME} failed: ${made.stderr}`);
    entry = lookup();
  }
  if (!entry) throw new Error(`The account ${NEIGHBOUR_NAME} could not be created.`);
  return entry;
}

function lookup(): LocalAccount | undefined {
  const found = spawnSync('getent', ['passwd', NEIGHBOUR_NAME], { encoding: 'utf8' });
  const [name, , uid, gid] = found.stdout.trim().split(':');
  return found.status === 0 && name ? { name, uid: Number(uid), gid: Number(gid) } : undefined;
}

/** Starts a program as `account` (setpriv drops root's uid, gid and groups before exec), its streams piped. */
export function spawnAs(account: LocalAccount, command: string, args: string[]): ChildProcessWithoutNullStreams {
  return spawn(
    'setpriv',
    [`--reuid=${account.uid}`, `--regid=${account.gid}`, '--clear-groups', '--', command, ...args],
    { stdio: 'pipe', env: { PATH: process.env.PATH ?? '' } },
  );
}

/** Runs node code as `account` until it prints its first line (e.g. "ready" once its socket listens); resolves to the process. */
export async function nodeAs(account: LocalAccount, code: string): Promise<ChildProcessWithoutNullStreams> {
  const child = spawnAs(account, process.execPath, ['-e', code]);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (exitCode) =>
      reject(new Error(`The neighbour's process ended (${exitCode}) before it was ready: ${stderr}`)),
    );
  });
  return child;
}
