import { CtmError } from '../core/errors.ts';
import { KeytarSecretStore } from '../core/keychain/keytar-secret-store.ts';
import { Vault } from '../core/keychain/vault.ts';
import { profileNamedBy, profileRef } from '../core/profiles/profile-ref.ts';
import { readValidatedProfiles } from '../core/profiles/validated-marker.ts';
import { isFreshEnough } from '../core/tokens/refresh-margin.ts';
import { formatToken } from '../core/tokens/token-format.ts';
import { join } from 'node:path';
import type { FastOutput } from './cached-token.ts';
import type { TokenRequest } from './commands/token-request.ts';
import { exitCodeFor } from './exit-codes.ts';
import { whileWaiting } from './progress.ts';
import { minTtlWarning } from './min-ttl-warning.ts';

/**
 * The cached `ctm token` without an agent: the profile from a profiles file the full path has validated as it is, its
 * session from the vault (one keychain read, for the cache key). Undefined for anything else, which the full CLI then
 * handles with all its checks and messages. Loaded only when no agent answered: it brings keytar and node:crypto.
 */
export async function keychainCachedToken(
  name: string,
  request: TokenRequest,
  dir: string,
  out: FastOutput,
  now: number,
): Promise<number | undefined> {
  const profiles = await readValidatedProfiles(join(dir, 'profiles.json'));
  const profile = profileNamedBy(profiles ?? [], profileRef(name));
  if (!profile) return undefined;
  try {
    const session = await whileWaiting(
      out,
      'Reading the keychain…',
      new Vault(new KeytarSecretStore(), dir).cachedTokens(profile.id),
    );
    if (!session || !isFreshEnough(session, now, request.minTtlMs)) return undefined;
    out.stdout.write(`${formatToken(session, request.kind, request.format, profile.name)}\n`);
    const warning = minTtlWarning(session, request.minTtlMs, profile.name);
    if (warning) out.stderr.write(warning);
    return 0;
  } catch (error) {
    // A keychain that is locked or does not answer would only make the full path wait as long again: say it now.
    if (error instanceof CtmError && error.kind === 'keychain') {
      out.stderr.write(`ctm: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return exitCodeFor(error.kind);
    }
    return undefined;
  }
}
