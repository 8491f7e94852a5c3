import { hmacSha256 } from './srp-hash.ts';

/** What PASSWORD_CLAIM_SIGNATURE signs, besides the key. */
export interface ClaimSignatureInput {
  /** The pool name (or DeviceGroupKey for device SRP). */
  poolName: string;
  /** USER_ID_FOR_SRP (or DeviceKey for device SRP). */
  userId: string;
  /** SECRET_BLOCK as Cognito sent it, base64. */
  secretBlock: string;
  /** The TIMESTAMP string that is sent along. */
  timestamp: string;
}

/** PASSWORD_CLAIM_SIGNATURE = Base64(HMAC-SHA256(key, poolName + userId + raw(SECRET_BLOCK) + TIMESTAMP)). */
export function claimSignature(key: Uint8Array, input: ClaimSignatureInput): string {
  const message = Buffer.concat([
    Buffer.from(input.poolName, 'utf8'),
    Buffer.from(input.userId, 'utf8'),
    Buffer.from(input.secretBlock, 'base64'),
    Buffer.from(input.timestamp, 'utf8'),
  ]);
  return hmacSha256(key, message).toString('base64');
}
