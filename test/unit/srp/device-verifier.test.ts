import { describe, expect, it } from 'vitest';
import { createSrpSession, deviceVerifier } from '../../../main/core/srp/index.ts';
import { claimSignature } from '../../../main/core/srp/claim-signature.ts';
import { modPowByBigint } from '../../../main/core/srp/mod-pow.ts';
import { hkdfKey } from '../../../main/core/srp/password-authentication-key.ts';
import { SRP_G, SRP_K, SRP_N } from '../../../main/core/srp/srp-group.ts';
import { hexHash } from '../../../main/core/srp/srp-hash.ts';
import { padHex } from '../../../main/core/srp/srp-hex.ts';
import { seededRandom } from '../../support/seeded-random.ts';
import { DEVICE_CASES, deviceCaseDigest, deviceCaseFor, ourDeviceOutcome } from './device-cases.ts';
import { readReferences } from './srp-references.ts';

const references = readReferences();

describe('deviceVerifier', () => {
  it(`matches generateHashDevice on ${DEVICE_CASES} seeded random devices (${references.library}, frozen: srp-references.json)`, () => {
    expect(references.devices.map((r) => r.seed)).toEqual(Array.from({ length: DEVICE_CASES }, (_, seed) => seed));
    for (let seed = 0; seed < DEVICE_CASES; seed++) {
      const c = deviceCaseFor(seed);
      const reference = references.devices[seed];
      // A changed case generator makes the reference stale: regenerate with `npm run srp-references`.
      expect(deviceCaseDigest(c), `seed ${seed}: inputs`).toBe(reference?.inputs);
      expect(ourDeviceOutcome(c), `seed ${seed}`).toEqual(reference?.library);
    }
  });

  it('gives a verifier with which a server accepts the device SRP claim', async () => {
    const random = seededRandom(99);
    const deviceGroupKey = '-group1';
    const deviceKey = 'eu-west-1_device-1';
    const verifier = deviceVerifier(deviceGroupKey, deviceKey, { randomBytes: (size) => random.bytes(size) });
    const v = BigInt(`0x${Buffer.from(verifier.passwordVerifier, 'base64').toString('hex')}`);
    const salt = Buffer.from(verifier.salt, 'base64').toString('hex');
    const b = 0xfeedface0123456789n;
    const serverB = (SRP_K * v + modPowByBigint(SRP_G, b)) % SRP_N;
    const session = createSrpSession(deviceGroupKey);
    const largeA = BigInt(`0x${session.srpA}`);
    const u = BigInt(`0x${hexHash(padHex(largeA) + padHex(serverB))}`);
    const serverS = modPowByBigint(largeA * modPowByBigint(v, u), b);
    const timestamp = 'Wed Jan 1 00:00:00 UTC 2025';

    const claim = await session.passwordClaim({
      userId: deviceKey,
      password: verifier.devicePassword,
      srpB: serverB.toString(16),
      salt,
      secretBlock: 'c2Vzc2lvbg==',
      now: new Date(Date.UTC(2025, 0, 1)),
    });

    expect(claim).toEqual({
      timestamp,
      signature: claimSignature(hkdfKey(serverS, u), {
        poolName: deviceGroupKey,
        userId: deviceKey,
        secretBlock: 'c2Vzc2lvbg==',
        timestamp,
      }),
    });
  });

  it('draws a 40-byte password and fresh values by default', () => {
    const first = deviceVerifier('-g', 'k');
    expect(Buffer.from(first.devicePassword, 'base64')).toHaveLength(40);
    expect(deviceVerifier('-g', 'k').devicePassword).not.toBe(first.devicePassword);
  });
});
