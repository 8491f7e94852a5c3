import { Core } from '../core/core.ts';
import { KeytarSecretStore } from '../core/keychain/keytar-secret-store.ts';
import { configDir } from '../core/profiles/config-dir.ts';
import { exitWhenFlushed } from './process-exit.ts';
import { runCli } from './run-cli.ts';

// The `ctm` entry: builds the real services (keychain, config folder, fetch) and runs one command.
const terminal = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
runCli(process.argv.slice(2), () => new Core({ configDir: configDir(), secretStore: new KeytarSecretStore() }), terminal).then(
  (code) => exitWhenFlushed(code),
  () => {
    process.stderr.write('ctm: unexpected failure\n');
    exitWhenFlushed(1);
  },
);
