import type { TestProject } from 'vitest/node';
import {
  startKeyringSession,
  WORKER_KEYRINGS_VARIABLE,
  type KeyringAddress,
  type KeyringSession,
} from './keyring-session.ts';
import { HAS_KEYRING } from './system-components.ts';

/**
 * Global setup of the projects that use the real keyring: one private D-Bus + gnome-keyring per pool slot (maxWorkers),
 * handed to the workers through the environment, instead of one per test file. The first project to start runs it;
 * the others find the variable set and reuse them (every project shares the same slots).
 */
export default async function startWorkerKeyrings(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env[WORKER_KEYRINGS_VARIABLE] !== undefined || !HAS_KEYRING) return undefined;
  const sessions: KeyringSession[] = await Promise.all(
    Array.from({ length: project.config.maxWorkers }, () => startKeyringSession()),
  );
  const slots: KeyringAddress[] = sessions.map((session) => ({
    address: session.env.DBUS_SESSION_BUS_ADDRESS ?? '',
    daemonHome: session.home,
    keyringPid: session.keyringPid,
    dbusPid: session.dbusPid,
  }));
  process.env[WORKER_KEYRINGS_VARIABLE] = JSON.stringify(slots);
  return async () => {
    Reflect.deleteProperty(process.env, WORKER_KEYRINGS_VARIABLE);
    await Promise.all(sessions.map((session) => session.stop()));
  };
}
