import type { ProfileId } from '../../main/core/profiles/profile-id.ts';
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
const id = profileId as ProfileId; // named by the crash test that started this child
if (operation === 'save') await vault.saveSession(id, JSON.parse(await text(process.stdin)) as TokenSet);
else if (operation === 'forget') await vault.deleteSession(id);
else await vault.session(id);
process.stdout.write('done\n');
