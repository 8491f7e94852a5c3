import { createHash, createHmac, randomBytes } from 'node:crypto';
import { srpN } from '../srp-math.ts';

// A client-side SRP for tests, written from the protocol notes (not from the emulator's server code).

function pad(value: bigint): string {
  const hex = value.toString(16);
  if (hex.length % 2 === 1) return `0${hex}`;
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex;
}

function sha(hexOrText: string, isHex: boolean): string {
  return createHash('sha256')
    .update(isHex ? Buffer.from(hexOrText, 'hex') : Buffer.from(hexOrText, 'utf8'))
    .digest('hex');
}

function power(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = base % srpN;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % srpN;
    b = (b * b) % srpN;
  }
  return result;
}

/** The client's secret a and public SRP_A. */
export interface SrpClientStart {
  smallA: bigint;
  srpA: string;
}

/** Picks a and computes A = g^a mod N. */
export function startClientSrp(): SrpClientStart {
  const smallA = BigInt(`0x${randomBytes(128).toString('hex')}`) % srpN;
  return { smallA, srpA: power(2n, smallA).toString(16) };
}

/** "Thu Nov 26 09:05:03 UTC 2026" for a date. */
export function cognitoTimestamp(date: Date): string {
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    date.getUTCMonth()
  ];
  const two = (n: number): string => String(n).padStart(2, '0');
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${day} ${month} ${date.getUTCDate()} ${time} UTC ${date.getUTCFullYear()}`;
}

/** PASSWORD_CLAIM_* responses for a PASSWORD_VERIFIER (or DEVICE_PASSWORD_VERIFIER) challenge. */
export function passwordClaim(input: {
  start: SrpClientStart;
  poolName: string;
  userId: string;
  password: string;
  parameters: Record<string, string>;
  timestamp?: string;
}): Record<string, string> {
  const { SRP_B = '', SALT = '', SECRET_BLOCK = '' } = input.parameters;
  const largeB = BigInt(`0x${SRP_B}`);
  const largeA = BigInt(`0x${input.start.srpA}`);
  const k = BigInt(`0x${sha(pad(srpN) + pad(2n), true)}`);
  const u = BigInt(`0x${sha(pad(largeA) + pad(largeB), true)}`);
  const x = BigInt(
    `0x${sha(pad(BigInt(`0x${SALT}`)) + sha(`${input.poolName}${input.userId}:${input.password}`, false), true)}`,
  );
  const base = (((largeB - k * power(2n, x)) % srpN) + srpN) % srpN;
  const s = power(base, input.start.smallA + u * x);
  const prk = createHmac('sha256', Buffer.from(pad(u), 'hex'))
    .update(Buffer.from(pad(s), 'hex'))
    .digest();
  const key = createHmac('sha256', prk)
    .update(Buffer.concat([Buffer.from('Caldera Derived Key'), Buffer.from([1])]))
    .digest()
    .subarray(0, 16);
  const timestamp = input.timestamp ?? cognitoTimestamp(new Date());
  const message = Buffer.concat([
    Buffer.from(input.poolName),
    Buffer.from(input.userId),
    Buffer.from(SECRET_BLOCK, 'base64'),
    Buffer.from(timestamp),
  ]);
  return {
    PASSWORD_CLAIM_SIGNATURE: createHmac('sha256', key).update(message).digest('base64'),
    PASSWORD_CLAIM_SECRET_BLOCK: SECRET_BLOCK,
    TIMESTAMP: timestamp,
  };
}

/** A device verifier as ConfirmDevice expects it: { PasswordVerifier, Salt } in base64, plus the device password. */
export function deviceVerifier(
  groupKey: string,
  deviceKey: string,
): { config: { PasswordVerifier: string; Salt: string }; devicePassword: string } {
  const devicePassword = randomBytes(40).toString('base64');
  const saltHex = pad(BigInt(`0x${randomBytes(16).toString('hex')}`));
  const x = BigInt(`0x${sha(saltHex + sha(`${groupKey}${deviceKey}:${devicePassword}`, false), true)}`);
  const verifier = pad(power(2n, x));
  return {
    config: {
      PasswordVerifier: Buffer.from(verifier, 'hex').toString('base64'),
      Salt: Buffer.from(saltHex, 'hex').toString('base64'),
    },
    devicePassword,
  };
}
