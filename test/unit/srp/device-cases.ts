// The seeded device-verifier cases compared with amazon-cognito-identity-js's generateHashDevice (device-verifier.test.ts
// against the frozen references, test/slow/srp against the library itself).
import { createHash } from 'node:crypto';
import { deviceVerifier } from '../../../main/core/srp/index.ts';
import { seededRandom, type SeededRandom } from '../../support/seeded-random.ts';

/** A device to remember, and the seed of the random bytes drawn for it. */
export interface DeviceCase {
  seed: number;
  deviceGroupKey: string;
  deviceKey: string;
}

/** What ConfirmDevice sends for a device. */
export interface DeviceOutcome {
  devicePassword: string;
  passwordVerifier: string;
  salt: string;
}

/** How many seeded devices the comparison covers (seeds 0 .. DEVICE_CASES - 1). */
export const DEVICE_CASES = 40;

/** 40 password bytes then 16 salt bytes, shaped to hit leading zeros and high bits. */
export function draws(random: SeededRandom): (size: number) => Uint8Array {
  return (size) => {
    const bytes = random.bytes(size);
    const shape = random.int(0, 3);
    if (shape === 0) bytes.fill(0, 0, random.int(1, 3));
    if (shape === 1) bytes[0] = (bytes[0] ?? 0) | 0x80;
    return bytes;
  };
}

/** The reproducible device for a seed. */
export function deviceCaseFor(seed: number): DeviceCase {
  const random = seededRandom(1000 + seed);
  const deviceGroupKey = `-${Buffer.from(random.bytes(5)).toString('hex')}`;
  const deviceKey = `eu-west-1_${Buffer.from(random.bytes(16)).toString('hex')}`;
  return { seed, deviceGroupKey, deviceKey };
}

/** A digest of a device case's inputs, including the first random bytes it draws. */
export function deviceCaseDigest(c: DeviceCase): string {
  const random = draws(seededRandom(c.seed));
  const inputs = {
    ...c,
    password: Buffer.from(random(40)).toString('hex'),
    salt: Buffer.from(random(16)).toString('hex'),
  };
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}

/** Our verifier for a device case. */
export function ourDeviceOutcome(c: DeviceCase): DeviceOutcome {
  return deviceVerifier(c.deviceGroupKey, c.deviceKey, { randomBytes: draws(seededRandom(c.seed)) });
}
