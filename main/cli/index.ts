import { Core } from '../core/core.ts';
import { keychainCallStillHanging, KeytarSecretStore } from '../core/keychain/keytar-secret-store.ts';
import { configDir } from '../core/profiles/config-dir.ts';
import { fetchTransport } from '../core/cognito/transport.ts';
import { loggedSecretStore, loggedTransport, stderrLogger, takeDebugFlag } from './debug-log.ts';
import { runCli } from './run-cli.ts';

// The `ctm` entry: builds the real services (keychain, config folder, fetch) and runs one command.
const terminal = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
// --debug: the keychain and Cognito calls, and what the core logs, go to stderr (redacted) as they happen.
const { argv, debug } = takeDebugFlag(process.argv.slice(2));
const logger = debug ? stderrLogger(process.stderr) : undefined;
const makeCore = (): Core => {
  const keychain = new KeytarSecretStore();
  if (!logger) return new Core({ configDir: configDir(), secretStore: keychain });
  return new Core({ configDir: configDir(), secretStore: loggedSecretStore(keychain, logger), transport: loggedTransport(fetchTransport, logger), logger });
};
runCli(argv, makeCore, terminal).then(
  (code) => exitWhenFlushed(code),
  () => {
    process.stderr.write('ctm: unexpected failure\n');
    exitWhenFlushed(1);
  },
);

/** Ends the process with `code` once what it printed is flushed, even while a keychain call still hangs. */
function exitWhenFlushed(code: number): void {
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
function exitNow(code: number): void {
  if (keychainCallStillHanging() && process.platform !== 'win32' && typeof process.execve === 'function') {
    try {
      process.execve('/bin/sh', ['sh', '-c', `exit ${code}`], {});
    } catch {
      /* no /bin/sh: fall back to the ordinary exit */
    }
  }
  process.exit(code);
}
