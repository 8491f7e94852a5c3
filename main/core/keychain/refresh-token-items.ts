import { createHash, randomBytes } from 'node:crypto';
import type { CrashHook } from '../crash-point.ts';
import { splitForItems } from './item-limit.ts';
import type { SecretStore } from './secret-store.ts';

/** Where one refresh token lives in the keychain: the generation that wrote it and how many items it fills. */
export interface RefreshTokenPlace {
  generation: string;
  pieces: number;
}

const PREFIX = 'refresh:';

/**
 * A new generation name: the time in base 36 (fixed width, so names sort by age) and random bits (two processes
 * writing in the same millisecond never share one).
 */
export function newGeneration(now = Date.now()): string {
  return `${now.toString(36).padStart(9, '0')}${randomBytes(4).toString('hex')}`;
}

/** The account of piece `index` of a profile's refresh token: `refresh:<profile>:<generation>:<index>:<pieces>`. */
export function refreshItemAccount(profileId: string, place: RefreshTokenPlace, index: number): string {
  return `${PREFIX}${profileId}:${place.generation}:${index}:${place.pieces}`;
}

/** Every account a stored refresh token fills, in order. */
export function refreshItemAccounts(profileId: string, place: RefreshTokenPlace): string[] {
  return Array.from({ length: place.pieces }, (_, index) => refreshItemAccount(profileId, place, index));
}

/** The pieces to store for a refresh token (each fits one item on every platform). */
export function refreshTokenPieces(refreshToken: string): string[] {
  return splitForItems(refreshToken);
}

/** Where a stored refresh token is, with a SHA-256 of it to notice an unchanged one. */
export type StoredRefreshToken = RefreshTokenPlace & { digest: string };

/** The SHA-256 (base64url) a session file keeps of its refresh token. */
export function refreshTokenDigest(refreshToken: string): string {
  return createHash('sha256').update(refreshToken).digest('base64url');
}

/** Writes a refresh token's items under a new generation (not yet named by a file, so invisible until the commit). */
export async function writeRefreshToken(
  store: SecretStore,
  profileId: string,
  refreshToken: string,
  crash: CrashHook,
): Promise<StoredRefreshToken> {
  const pieces = refreshTokenPieces(refreshToken);
  const place = { generation: newGeneration(), pieces: pieces.length };
  for (const [index, piece] of pieces.entries()) {
    await store.set(refreshItemAccount(profileId, place, index), piece);
    crash('refresh-item-written');
  }
  return { ...place, digest: refreshTokenDigest(refreshToken) };
}

/** Reads an account name back; undefined for accounts that are not refresh-token pieces. */
export function parseRefreshItemAccount(
  account: string,
): { profileId: string; place: RefreshTokenPlace; index: number } | undefined {
  if (!account.startsWith(PREFIX)) return undefined;
  const parts = account.slice(PREFIX.length).split(':');
  if (parts.length !== 4) return undefined;
  const [profileId, generation, index, pieces] = parts as [string, string, string, string];
  const place = { generation, pieces: Number(pieces) };
  if (!profileId || !generation || !Number.isInteger(place.pieces) || !Number.isInteger(Number(index)))
    return undefined;
  return { profileId, place, index: Number(index) };
}

/**
 * Finds, in a full listing, each profile's newest complete refresh token (all pieces present): what is left to go on
 * when the encrypted cache cannot be read.
 */
export function newestRefreshTokens(
  listing: Map<string, string>,
): Map<string, { token: string; place: RefreshTokenPlace }> {
  const found = new Map<string, Map<string, { place: RefreshTokenPlace; pieces: Map<number, string> }>>();
  for (const [account, secret] of listing) {
    const parsed = parseRefreshItemAccount(account);
    if (!parsed) continue;
    const generations = found.get(parsed.profileId) ?? new Map();
    found.set(parsed.profileId, generations);
    const generation = generations.get(parsed.place.generation) ?? {
      place: parsed.place,
      pieces: new Map<number, string>(),
    };
    generations.set(parsed.place.generation, generation);
    generation.pieces.set(parsed.index, secret);
  }
  const result = new Map<string, { token: string; place: RefreshTokenPlace }>();
  for (const [profileId, generations] of found) {
    const complete = [...generations.values()]
      .filter((g) => g.pieces.size === g.place.pieces)
      .sort((a, b) => b.place.generation.localeCompare(a.place.generation));
    const newest = complete[0];
    if (newest)
      result.set(profileId, {
        place: newest.place,
        token: Array.from({ length: newest.place.pieces }, (_, i) => newest.pieces.get(i) ?? '').join(''),
      });
  }
  return result;
}
