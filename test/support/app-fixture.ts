import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Core } from '../../main/core/core.ts';
import { KeytarSecretStore } from '../../main/core/keychain/keytar-secret-store.ts';
import { startEmulator, type Emulator, type Seed } from './emulator/index.ts';
import { startKeyringSession, useKeyringSession, type KeyringSession } from './keyring-session.ts';

/** A real stack for a test file: private keyring, emulator on a real port, a temporary config folder, and the core on them. */
export interface AppFixture {
  keyring: KeyringSession;
  emulator: Emulator;
  configDir: string;
  core: Core;
  /** The environment a `ctm` child process needs to use this stack. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Starts the stack; call in beforeAll and close in afterAll. */
export async function startAppFixture(seed: Seed): Promise<AppFixture> {
  const keyring = await startKeyringSession();
  useKeyringSession(keyring);
  const emulator = await startEmulator({ seed });
  const configDir = mkdtempSync(join(tmpdir(), 'ctm-config-'));
  const core = new Core({ configDir, secretStore: new KeytarSecretStore() });
  return {
    keyring,
    emulator,
    configDir,
    core,
    env: { ...keyring.env, CTM_CONFIG_DIR: configDir },
    close: async () => {
      await emulator.close();
      await keyring.stop();
    },
  };
}
