import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Core, type CoreOptions } from '../../main/core/core.ts';
import { KeychainError } from '../../main/core/errors.ts';
import { KeytarSecretStore } from '../../main/core/keychain/keytar-secret-store.ts';
import type { SecretStore } from '../../main/core/keychain/secret-store.ts';
import { Vault } from '../../main/core/keychain/vault.ts';
import { WindowsLimitSecretStore, WINDOWS_MAX_BLOB_BYTES } from './fakes/windows-limit-secret-store.ts';
import { startEmulator, type Emulator, type Seed } from './emulator/index.ts';
import {
  startKeyringSession,
  useKeyringSession,
  workerKeyringSession,
  type KeyringSession,
} from './keyring-session.ts';

/** A real stack for a test file: private keyring, emulator on a real port, a temporary config folder, and the core on them. */
export interface AppFixture {
  keyring: KeyringSession;
  emulator: Emulator;
  configDir: string;
  /** The keychain the core writes to (the real one, held to Windows' item limit). */
  secretStore: SecretStore;
  core: Core;
  /** The keychain and session files as another process reads them: what the core stored, checked from outside it. */
  vault: Vault;
  /** The environment a `ctm` child process needs to use this stack. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** How a fixture gets its keyring: the test worker's (emptied for the file), or one of its own. */
export interface AppFixtureOptions {
  /** A keyring of the file's own, for tests that stop, freeze or lock it (the next file would inherit a shared one). */
  privateKeyring?: boolean;
  /** Options for the core beyond its folder and keychain (a shorter scheduler backoff, a clock). */
  core?: Omit<CoreOptions, 'configDir' | 'secretStore'>;
}

/** Starts the stack; call in beforeAll and close in afterAll. */
export async function startAppFixture(seed: Seed, options: AppFixtureOptions = {}): Promise<AppFixture> {
  const keyring = options.privateKeyring ? await startKeyringSession() : await workerKeyringSession();
  useKeyringSession(keyring);
  const emulator = await startEmulator({ seed });
  const configDir = mkdtempSync(join(tmpdir(), 'ctm-config-'));
  // The real keyring held to Windows' item limit, so a layout that would fail there fails here too.
  const secretStore = new WindowsLimitSecretStore(new KeytarSecretStore());
  const core = new Core({ configDir, secretStore, ...options.core });
  return {
    keyring,
    emulator,
    configDir,
    secretStore,
    core,
    vault: new Vault(secretStore, configDir),
    env: { ...keyring.env, CTM_CONFIG_DIR: configDir },
    close: async () => {
      await emulator.close();
      try {
        await assertEveryItemFitsWindows();
      } finally {
        await keyring.stop();
      }
    },
  };
}

/** `ctm` children write with keytar directly: at the end, every item in the keyring must still fit Windows' limit. */
async function assertEveryItemFitsWindows(): Promise<void> {
  // A suite that locked or killed the keyring on purpose has nothing left to list.
  const listing = await new KeytarSecretStore().all().catch((error: unknown) => {
    if (error instanceof KeychainError) return new Map<string, string>();
    throw error;
  });
  const tooBig = [...listing].filter(([, secret]) => Buffer.byteLength(secret, 'utf8') > WINDOWS_MAX_BLOB_BYTES);
  if (tooBig.length > 0)
    throw new Error(
      `keychain items over Windows' ${WINDOWS_MAX_BLOB_BYTES}-byte limit: ${tooBig.map(([account, secret]) => `${account} (${Buffer.byteLength(secret, 'utf8')} bytes)`).join(', ')}`,
    );
}
