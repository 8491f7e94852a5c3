import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { claimSignature } from './claim-signature.ts';
import { computeS, computeSBase, computeU, computeX, hkdfKey } from './password-authentication-key.ts';
import { SRP_G, SRP_N } from './srp-group.ts';
import { bytesToBigint, parseServerHex } from './srp-hex.ts';
import { formatTimestamp } from './srp-timestamp.ts';
import { modPowN } from './mod-pow.ts';
import { drawRandom, type SrpRandomOptions } from './srp-random.ts';

/** The PASSWORD_VERIFIER (or DEVICE_PASSWORD_VERIFIER) challenge's parameters plus the secret. */
export interface PasswordClaimInput {
  /** USER_ID_FOR_SRP from the challenge (DeviceKey for device SRP). */
  userId: string;
  /** The user's password (the device password for device SRP). */
  password: string;
  /** SRP_B, hex. */
  srpB: string;
  /** SALT, hex. */
  salt: string;
  /** SECRET_BLOCK, base64, as sent. */
  secretBlock: string;
  /** The time to sign; defaults to now. */
  now?: Date;
}

/** The answer's PASSWORD_CLAIM_SIGNATURE and TIMESTAMP. */
export interface PasswordClaim {
  signature: string;
  timestamp: string;
}

/** One SRP exchange: send srpA, then answer the verifier challenge with passwordClaim. */
export interface SrpSession {
  /** SRP_A as the library sends it: lowercase hex, no padding. */
  readonly srpA: string;
  /** Computes the claim; yields to the event loop between the two exponentiations. */
  passwordClaim(input: PasswordClaimInput): Promise<PasswordClaim>;
}

/** Starts an SRP exchange for poolName (srpPoolName(userPoolId), or the DeviceGroupKey for device SRP). */
export function createSrpSession(poolName: string, options: SrpRandomOptions = {}): SrpSession {
  const randomBytes = options.randomBytes ?? cryptoRandomBytes;
  let smallA: bigint;
  let largeA: bigint;
  do {
    smallA = bytesToBigint(drawRandom(randomBytes, 128));
    // a is used once, so the faster variable-time path is fine here (x, long-lived, takes powerOfG).
    largeA = modPowN(SRP_G, smallA);
  } while (largeA % SRP_N === 0n);
  const a = smallA;
  const A = largeA;
  return {
    srpA: A.toString(16),
    async passwordClaim(input: PasswordClaimInput): Promise<PasswordClaim> {
      const serverB = parseServerHex('SRP_B', input.srpB);
      const salt = parseServerHex('SALT', input.salt);
      const u = computeU(A, serverB);
      const x = computeX(poolName, input.userId, input.password, salt);
      await yieldToEventLoop();
      const sBase = computeSBase(serverB, x);
      await yieldToEventLoop();
      const key = hkdfKey(computeS(sBase, a, u, x), u);
      const timestamp = formatTimestamp(input.now ?? new Date());
      const signature = claimSignature(key, {
        poolName,
        userId: input.userId,
        secretBlock: input.secretBlock,
        timestamp,
      });
      return { signature, timestamp };
    },
  };
}
