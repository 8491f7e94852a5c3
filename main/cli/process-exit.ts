import { keychainCallStillHanging } from '../core/keychain/keytar-secret-store.ts';

/** Ends the process with `code` once what it printed is flushed, even while a keychain call still hangs. */
export function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let open = 2;
  const flushed = (): void => {
    open -= 1;
    if (open === 0) exitNow(code);
  };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}

/**
 * A keychain call that timed out may still hang in keytar's native code (a frozen Secret Service answers after D-Bus'
 * 25 s timeout, or never). Node's exit joins libuv's worker threads, so process.exit() itself would wait for it. Then
 * the process image is replaced by a shell that exits with the code at once (process.execve, Node >= 22.15, POSIX):
 * no thread is joined, the exit code is kept. Elsewhere, the ordinary exit.
 */
export function exitNow(code: number): void {
  if (keychainCallStillHanging() && process.platform !== 'win32' && typeof process.execve === 'function') {
    try {
      process.execve('/bin/sh', ['sh', '-c', `exit ${code}`], {});
    } catch {
      /* no /bin/sh: fall back to the ordinary exit */
    }
  }
  process.exit(code);
}
