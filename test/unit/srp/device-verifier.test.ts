import { describe, expect, it } from 'vitest';
import { createSrpSession, deviceVerifier } from '../../../main/core/srp/index.ts';
import { claimSignature } from '../../../main/core/srp/claim-signature.ts';
import { modPowByBigint } from '../../../main/core/srp/mod-pow.ts';
import { hkdfKey } from '../../../main/core/srp/password-authentication-key.ts';
import { SRP_G, SRP_K, SRP_N } from '../../../main/core/srp/srp-group.ts';
import { hexHash } from '../../../main/core/srp/srp-hash.ts';
import { padHex } from '../../../main/core/srp/srp-hex.ts';
import { library, syncResult, withLibraryRandom } from '../../support/cognito-oracle.ts';
import { seededRandom, type SeededRandom } from '../../support/seeded-random.ts';

/** 40 password bytes then 16 salt bytes, shaped to hit leading zeros and high bits. */
function draws(random: SeededRandom): (size: number) => Uint8Array {
  return (size) => {
    const bytes = random.bytes(size);
    const shape = random.int(0, 3);
    if (shape === 0) bytes.fill(0, 0, random.int(1, 3));
    if (shape === 1) bytes[0] = (bytes[0] ?? 0) | 0x80;
    return bytes;
  };
}

function libraryVerifier(deviceGroupKey: string, deviceKey: string, randomBytes: (size: number) => Uint8Array) {
  const helper = new library.AuthenticationHelper('Pool');
  withLibraryRandom(randomBytes, () => syncResult((done) => helper.generateHashDevice(deviceGroupKey, deviceKey, done)));
  return {
    devicePassword: helper.getRandomPassword(),
    passwordVerifier: Buffer.from(helper.getVerifierDevices(), 'hex').toString('base64'),
    salt: Buffer.from(helper.getSaltDevices(), 'hex').toString('base64'),
  };
}

describe('deviceVerifier', () => {
  it('matches generateHashDevice on 40 seeded random devices', () => {
    for (let seed = 0; seed < 40; seed++) {
      const random = seededRandom(1000 + seed);
      const deviceGroupKey = `-${Buffer.from(random.bytes(5)).toString('hex')}`;
      const deviceKey = `eu-west-1_${Buffer.from(random.bytes(16)).toString('hex')}`;
      const ours = deviceVerifier(deviceGroupKey, deviceKey, { randomBytes: draws(seededRandom(seed)) });
      expect(ours, `seed ${seed}`).toEqual(libraryVerifier(deviceGroupKey, deviceKey, draws(seededRandom(seed))));
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
      userId: deviceKey, password: verifier.devicePassword, srpB: serverB.toString(16), salt,
      secretBlock: 'c2Vzc2lvbg==', now: new Date(Date.UTC(2025, 0, 1)),
    });

    expect(claim).toEqual({ timestamp, signature: claimSignature(hkdfKey(serverS, u), { poolName: deviceGroupKey, userId: deviceKey, secretBlock: 'c2Vzc2lvbg==', timestamp }) });
  });

  it('draws a 40-byte password and fresh values by default', () => {
    const first = deviceVerifier('-g', 'k');
    expect(Buffer.from(first.devicePassword, 'base64')).toHaveLength(40);
    expect(deviceVerifier('-g', 'k').devicePassword).not.toBe(first.devicePassword);
  });
});
