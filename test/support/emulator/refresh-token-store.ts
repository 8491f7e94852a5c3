import { randomBytes } from 'node:crypto';
import type { ClientRecord, UserRecord } from './pool-records.ts';

/** What the emulator remembers about one refresh token it handed out. */
export interface RefreshTokenRecord {
  token: string;
  user: UserRecord;
  client: ClientRecord;
  /** The device the token is bound to; a refresh must then send the same DEVICE_KEY. */
  deviceKey: string | undefined;
  expiresAt: number;
  /** When the original sign-in happened (ms); refreshed tokens keep its auth_time. */
  authTime: number;
  originJti: string;
  revoked: boolean;
  /** Set once rotation replaced this token: it dies after the client's grace period. */
  rotatedAt: number | undefined;
}

const jweHeader = Buffer.from(JSON.stringify({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' })).toString('base64url');

/**
 * A new opaque refresh token shaped like AWS's: a compact JWE (header, RSA-OAEP encrypted key of 256 bytes, 12-byte IV,
 * ciphertext, 16-byte tag) of about 1,780 characters. Clients must store it as an opaque string (developer guide,
 * amazon-cognito-user-pools-using-the-refresh-token: "The refresh token is encrypted"); its size matters for keychains.
 */
export function newRefreshToken(): string {
  const part = (bytes: number): string => randomBytes(bytes).toString('base64url');
  return [jweHeader, part(256), part(12), part(1000), part(16)].join('.');
}

/** Every refresh token issued, by value and by user. */
export class RefreshTokenStore {
  readonly #byToken = new Map<string, RefreshTokenRecord>();
  readonly #byUser = new Map<UserRecord, Set<RefreshTokenRecord>>();

  /** Records a new opaque refresh token and returns it. */
  issue(fields: Omit<RefreshTokenRecord, 'token' | 'revoked' | 'rotatedAt'>): RefreshTokenRecord {
    const token = newRefreshToken();
    const record: RefreshTokenRecord = { ...fields, token, revoked: false, rotatedAt: undefined };
    this.#byToken.set(token, record);
    const mine = this.#byUser.get(fields.user) ?? new Set();
    mine.add(record);
    this.#byUser.set(fields.user, mine);
    return record;
  }

  /** The record of a token, if the emulator issued it. */
  find(token: string): RefreshTokenRecord | undefined {
    return this.#byToken.get(token);
  }

  /** Revokes every refresh token of a user and returns their origin jtis (for access-token revocation). */
  revokeAllFor(user: UserRecord): string[] {
    const origins: string[] = [];
    for (const record of this.#byUser.get(user) ?? []) {
      record.revoked = true;
      origins.push(record.originJti);
    }
    return origins;
  }
}
