/** Answers whether the keychain's default collection is locked: true, false, or undefined when it cannot tell. */
export type LockProbe = () => Promise<boolean | undefined>;

/**
 * On Linux, asks the Secret Service over D-Bus (with `dbus-send`, part of every D-Bus install) whether the default
 * collection is locked. keytar cannot tell: a read of a locked collection answers "not found", and listing one crashes
 * the process (libsecret asserts on the missing secret). Elsewhere, or without dbus-send, the answer is "cannot tell".
 */
export function secretServiceLockProbe(timeoutMs: number, platform: NodeJS.Platform = process.platform): LockProbe {
  if (platform !== 'linux') return async () => undefined;
  const args = [
    '--session',
    '--print-reply',
    '--dest=org.freedesktop.secrets',
    '/org/freedesktop/secrets/aliases/default',
    'org.freedesktop.DBus.Properties.Get',
    'string:org.freedesktop.Secret.Collection',
    'string:Locked',
  ];
  return () =>
    new Promise((resolve) => {
      // Loaded only when asked: child_process (with net and streams) would cost every cached `ctm token` ~9 ms of start-up.
      const { execFile } = process.getBuiltinModule('node:child_process');
      execFile('dbus-send', args, { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout) => {
        if (error) return resolve(undefined);
        if (/boolean true/.test(stdout)) return resolve(true);
        if (/boolean false/.test(stdout)) return resolve(false);
        resolve(undefined);
      });
    });
}
