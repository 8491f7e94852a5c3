import { CtmError } from '../core/errors.ts';
import { KeytarSecretStore } from '../core/keychain/keytar-secret-store.ts';
import { Vault } from '../core/keychain/vault.ts';
import { settingsPath } from '../core/profiles/config-dir.ts';
import { defaultProfileIn } from '../core/profiles/default-choice.ts';
import type { Profile } from '../core/profiles/profile.ts';
import { profileNamedBy, profileRef } from '../core/profiles/profile-ref.ts';
import { readValidatedJson, readValidatedProfiles } from '../core/profiles/validated-marker.ts';
import { isFreshEnough } from '../core/tokens/refresh-margin.ts';
import { formatToken } from '../core/tokens/token-format.ts';
import { join } from 'node:path';
import type { FastOutput } from './cached-token.ts';
import type { TokenRequest } from './commands/token-request.ts';
import { exitCodeFor } from './exit-codes.ts';
import { whileWaiting } from './progress.ts';
import { minTtlWarning } from './min-ttl-warning.ts';

/** Why the cached path leaves a request to the full path: said under --debug. */
type HandOver = string;

const NONE_FRESH: HandOver = 'the encrypted session file holds none fresh enough (or none)';

/**
 * The profile NAME names, or without one the default profile (defaultProfileIn, the full path's rule), from a
 * profiles.json and a settings.json whose text the full path has validated as it is; else why the full path must look.
 */
async function validatedProfile(name: string | undefined, dir: string): Promise<Profile | HandOver> {
  const profiles = await readValidatedProfiles(join(dir, 'profiles.json'));
  if (!profiles) return 'profiles.json is missing or changed since the full path last validated it';
  if (name !== undefined) return profileNamedBy(profiles, profileRef(name)) ?? 'no profile of that name';
  const file = (await readValidatedJson(settingsPath(dir))) as
    { settings?: { defaultProfileId?: unknown } } | undefined;
  if (!file)
    return "the default profile is the full path's to find: settings.json is missing or changed since it last validated it";
  const id = file.settings?.defaultProfileId;
  const profile = defaultProfileIn({ defaultProfileId: typeof id === 'string' ? id : '' }, profiles);
  return profile ?? 'no default profile is set (or it was removed): the full path says what to do';
}

/**
 * The cached `ctm token` without an agent: the profile from a profiles file the full path has validated as it is (by
 * NAME, or the default one from a validated settings.json), its session from the vault (one keychain read, for the
 * cache key). A string (why) for anything else, which the full CLI then handles with all its checks and messages.
 * Loaded only when no agent answered: it brings keytar and node:crypto.
 */
export async function keychainCachedToken(
  name: string | undefined,
  request: TokenRequest,
  dir: string,
  out: FastOutput,
  now: number,
): Promise<number | HandOver> {
  const profile = await validatedProfile(name, dir);
  if (typeof profile === 'string') return profile;
  try {
    const session = await whileWaiting(
      out,
      'Reading the keychain…',
      new Vault(new KeytarSecretStore(), dir).cachedTokens(profile.id),
    );
    if (!session || !isFreshEnough(session, now, request.minTtlMs)) return NONE_FRESH;
    // Where an older release's session may be used is decided (and recorded) by the full path (secret-bindings.ts).
    if (session.origin === undefined) return 'the session was stored without its origin (by an older release)';
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
    return NONE_FRESH;
  }
}
