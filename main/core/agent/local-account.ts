import { readFileSync } from 'node:fs';

/**
 * A local account as a person reads it: `name (uid N)`, or `uid N` when the name cannot be found (macOS keeps most
 * accounts out of /etc/passwd; a name is a courtesy, the uid is what was checked).
 */
export function describeAccount(uid: number): string {
  const name = accountName(uid);
  return name ? `${name} (uid ${uid})` : `uid ${uid}`;
}

function accountName(uid: number): string | undefined {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const [name, , id] = line.split(':');
      if (name && Number(id) === uid && id !== '') return name;
    }
  } catch {
    // No /etc/passwd (or not readable): the uid alone says it.
  }
  return undefined;
}

/** This process's uid, or undefined where there are none (Windows). */
export function currentUid(): number | undefined {
  return typeof process.getuid === 'function' ? process.getuid() : undefined;
}
