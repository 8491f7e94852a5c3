import { isWellFormedJwt } from '../tokens/jwt-shape.ts';
import type { TokenSet } from '../tokens/token-set.ts';
import type { ProfileId } from '../profiles/profile-id.ts';
import type { StoredRefreshToken } from './refresh-token-items.ts';

/**
 * One profile's session as its sealed file holds it: everything but the refresh token, which stays in the keychain.
 * Vault.saveSession writes it and parseSessionFile reads it back: the place for anything stored with a session.
 */
export interface CachedSession extends Omit<TokenSet, 'refreshToken'> {
  /** Where the refresh token is (absent: the session has none), and a SHA-256 of it to notice an unchanged one. */
  refresh?: StoredRefreshToken;
}

/** The decrypted content of one profile's file. */
export interface ProfileSessionFile {
  version: 2;
  session?: CachedSession;
  /** Keychain accounts this file no longer names, deleted after its commit (again by the next commit, if a crash came between). */
  trash: string[];
}

/** The keychain item holding the key that seals the session files (one AES-256 key per user account). */
export const CACHE_KEY_ACCOUNT = 'cache-key';

/** The folder of the sealed files, in the config folder: one per profile, and the layout marker. */
export const SESSIONS_FOLDER = 'sessions';
/** The file (sealed with the cache key) whose presence says the keychain has been moved to this layout. */
export const LAYOUT_MARKER = 'layout-v2';
/** The file name of a profile's session. */
export function sessionFileName(profileId: string): string {
  return `${encodeURIComponent(profileId)}.session`;
}
/** The profile id of a session file name (this vault names them from ids); undefined for other files. */
export function profileIdOfFile(name: string): ProfileId | undefined {
  return name.endsWith('.session') ? (decodeURIComponent(name.slice(0, -'.session'.length)) as ProfileId) : undefined;
}

/**
 * Reads decrypted text back into a profile's file; undefined when it is not one (a newer or broken format). A session
 * whose access or ID token is not a well-formed JWT is left out (the profile then needs a sign-in): tokens are checked
 * where they enter, and this file is one such place.
 */
export function parseSessionFile(text: string): ProfileSessionFile | undefined {
  try {
    const value = JSON.parse(text) as Partial<ProfileSessionFile>;
    if (
      value.version !== 2 ||
      !Array.isArray(value.trash) ||
      (value.session !== undefined && typeof value.session !== 'object')
    )
      return undefined;
    const session = value.session as Partial<CachedSession> | undefined | null;
    // A session recovered from its refresh token alone (vault-rebuild.ts) has no access token yet: '' and expired.
    const recovered = session?.accessToken === '' && session.expiresAt === 0;
    if (
      session &&
      !recovered &&
      (!isWellFormedJwt(session.accessToken) || (session.idToken !== undefined && !isWellFormedJwt(session.idToken)))
    ) {
      const { session: _refused, ...rest } = value;
      return rest as ProfileSessionFile;
    }
    return value as ProfileSessionFile;
  } catch {
    return undefined;
  }
}

/** Reads the decrypted layout marker. */
export function parseMarker(text: string): { version: 2 } | undefined {
  return text === '{"version":2}' ? { version: 2 } : undefined;
}
