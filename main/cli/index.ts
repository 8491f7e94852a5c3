import { Core } from '../core/core.ts';
import { crashHookFrom } from '../core/crash-point.ts';
import { KeytarSecretStore } from '../core/keychain/keytar-secret-store.ts';
import { configDir } from '../core/profiles/config-dir.ts';
import { fetchTransport } from '../core/cognito/transport.ts';
import { loggedSecretStore, loggedTransport, stderrLogger, takeDebugFlag } from './debug-log.ts';
import { exitWhenFlushed } from './process-exit.ts';
import { runCli } from './run-cli.ts';

// The `ctm` entry: builds the real services (keychain, config folder, fetch) and runs one command.
const terminal = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
// --debug: the keychain and Cognito calls, and what the core logs, go to stderr (redacted) as they happen.
const { argv, debug } = takeDebugFlag(process.argv.slice(2));
const logger = debug ? stderrLogger(process.stderr) : undefined;
// Crash tests (CTM_TEST_CRASH_AT) are read here, once, at the entry: the core is handed the hook.
const crash = crashHookFrom(process.env);
const makeCore = (): Core => {
  const keychain = new KeytarSecretStore();
  if (!logger) return new Core({ configDir: configDir(), secretStore: keychain, crash });
  return new Core({
    configDir: configDir(),
    secretStore: loggedSecretStore(keychain, logger),
    transport: loggedTransport(fetchTransport, logger),
    logger,
    crash,
  });
};
runCli(argv, makeCore, terminal, { debug }).then(
  (code) => exitWhenFlushed(code),
  () => {
    process.stderr.write('ctm: unexpected failure\n');
    exitWhenFlushed(1);
  },
);
