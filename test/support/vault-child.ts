// A child process that does one vault write against the real keyring, for tests that kill it part-way
// (CTM_TEST_CRASH_AT, main/core/crash-point.ts). Usage:
//   node --no-warnings test/support/vault-child.ts <configDir> save <profileId>   (the session as JSON on stdin)
//   node --no-warnings test/support/vault-child.ts <configDir> forget <profileId>
//   node --no-warnings test/support/vault-child.ts <configDir> read <profileId>   (first use: migrates 0.1.0 items)
import { text } from 'node:stream/consumers';
import { crashHookFrom } from '../../main/core/crash-point.ts';
import { KeytarSecretStore } from '../../main/core/keychain/keytar-secret-store.ts';
import { Vault } from '../../main/core/keychain/vault.ts';
import type { TokenSet } from '../../main/core/tokens/token-set.ts';

const [configDir, operation, profileId] = process.argv.slice(2);
if (!configDir || !operation || !profileId)
  throw new Error('usage: vault-child.ts <configDir> <save|forget|read> <profileId>');
// The crash point comes from CTM_TEST_CRASH_AT, read here at the entry as ctm and the app do.
const vault = new Vault(new KeytarSecretStore(), configDir, { crash: crashHookFrom(process.env) });
if (operation === 'save') await vault.saveSession(profileId, JSON.parse(await text(process.stdin)) as TokenSet);
else if (operation === 'forget') await vault.deleteSession(profileId);
else await vault.session(profileId);
process.stdout.write('done\n');
