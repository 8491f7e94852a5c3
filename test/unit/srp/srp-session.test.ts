import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSrpSession, InvalidSrpServerValueError } from '../../../main/core/srp/index.ts';
import { SRP_G, SRP_K, SRP_N } from '../../../main/core/srp/srp-group.ts';
import { computeX, uFromHash } from '../../../main/core/srp/password-authentication-key.ts';
import { modPowByBigint } from '../../../main/core/srp/mod-pow.ts';
import { hexHash } from '../../../main/core/srp/srp-hash.ts';
import { padHex } from '../../../main/core/srp/srp-hex.ts';

// a for every vector: byte i is (37 * i + 11) mod 256.
const SMALL_A = Buffer.from(Array.from({ length: 128 }, (_, i) => (i * 37 + 11) & 0xff));
const fixedA = () => SMALL_A;
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

// Expected values computed once with amazon-cognito-identity-js 6.3.21 (AuthenticationHelper with
// smallAValue = SMALL_A, the signature as CognitoUser builds it).
const SRP_A_PREFIX = '562d809279d9b37ac8273afc';
const SRP_A_SHA256 = '42eca45a8c75b5644845bcf97ac9601364a3be17f26ac3648a6285c8e775a646';
const VECTORS = [
  {
    name: 'user SRP, non-ASCII password, B = 0xc3c3... mod N',
    poolName: 'AbC123def',
    userId: 'alice',
    password: 'Pässwörd-🔐',
    srpB: (BigInt(`0x${'c3'.repeat(384)}`) % SRP_N).toString(16),
    salt: 'ab12cd34ef56',
    secretBlock: 'c2VjcmV0LWJsb2Nr',
    now: new Date(Date.UTC(2026, 10, 26, 9, 5, 3)),
    timestamp: 'Thu Nov 26 09:05:03 UTC 2026',
    signature: 'mjpzKG9GczqXq8gplEZpgmZ3i5tCl4bzk6WzPUsaf64=',
  },
  {
    name: 'device SRP, B = 2, salt with the high bit set',
    poolName: '-7a2c1f0e9',
    userId: 'eu-west-1_0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
    password: 'q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJ=',
    srpB: '02',
    salt: 'ff01',
    secretBlock: 'AAECAwQFBgcICQ==',
    now: new Date(Date.UTC(2024, 0, 1)),
    timestamp: 'Mon Jan 1 00:00:00 UTC 2024',
    signature: 'gNWNB0rhQ4BHegIhusTjuwIpEyuVupNLe5gujo3wxls=',
  },
  {
    name: 'u whose hash starts 00 5 (pad(u) is 31 bytes), salt 00, empty SECRET_BLOCK',
    poolName: 'AbC123def',
    userId: 'bob',
    password: 'hunter2',
    srpB: '3a2',
    salt: '00',
    secretBlock: '',
    now: new Date(Date.UTC(2028, 1, 29, 23, 59, 59)),
    timestamp: 'Tue Feb 29 23:59:59 UTC 2028',
    signature: 'C4/9jhZeL4jNxyYT3ivQyih1DY7ZzxJ1oBsJp6I5tVA=',
  },
];

describe('createSrpSession', () => {
  it('sends SRP_A as lowercase hex without padding, from the injected a', () => {
    const session = createSrpSession('AbC123def', { randomBytes: fixedA });

    expect(session.srpA.startsWith(SRP_A_PREFIX)).toBe(true);
    expect(sha256(session.srpA)).toBe(SRP_A_SHA256);
    expect(session.srpA).toMatch(/^[1-9a-f][0-9a-f]*$/);
  });

  it.each(VECTORS)('matches the known answer: $name', async (vector) => {
    const session = createSrpSession(vector.poolName, { randomBytes: fixedA });

    const claim = await session.passwordClaim(vector);

    expect(claim).toEqual({ signature: vector.signature, timestamp: vector.timestamp });
  });

  it('draws a fresh a for each session by default', () => {
    expect(createSrpSession('Pool').srpA).not.toBe(createSrpSession('Pool').srpA);
  });

  it('refuses a randomBytes seam that returns the wrong length', () => {
    expect(() => createSrpSession('Pool', { randomBytes: () => new Uint8Array(127) })).toThrow(RangeError);
  });

  it.each([
    ['B = 0', '0'],
    ['B = N', SRP_N.toString(16)],
    ['B = 2N', (2n * SRP_N).toString(16)],
    ['SRP_B not hex', 'xyz'],
    ['SRP_B empty', ''],
    ['SRP_B negative', '-05'],
  ])('rejects %s with InvalidSrpServerValueError', async (_name, srpB) => {
    const session = createSrpSession('Pool', { randomBytes: fixedA });

    const claim = session.passwordClaim({ userId: 'u', password: 'p', srpB, salt: '01', secretBlock: '' });

    await expect(claim).rejects.toBeInstanceOf(InvalidSrpServerValueError);
  });

  it('rejects a SALT that is not hex', async () => {
    const session = createSrpSession('Pool', { randomBytes: fixedA });

    const claim = session.passwordClaim({ userId: 'u', password: 'p', srpB: '05', salt: '0x01', secretBlock: '' });

    await expect(claim).rejects.toBeInstanceOf(InvalidSrpServerValueError);
  });

  it('refuses u == 0 with InvalidSrpServerValueError', () => {
    expect(() => uFromHash('0'.repeat(64))).toThrow(InvalidSrpServerValueError);
    expect(uFromHash(`${'0'.repeat(63)}1`)).toBe(1n);
  });

  it('agrees with an SRP-6a server that holds the verifier (the premaster secret S matches)', async () => {
    const poolName = 'AbC123def';
    const salt = 'e1d2c3b4a5968778';
    const x = computeX(poolName, 'carol', 'pa55w0rd!', BigInt(`0x${salt}`));
    const verifier = modPowByBigint(SRP_G, x);
    const b = 0x1234567890abcdef1234567890abcdefn;
    const serverB = (SRP_K * verifier + modPowByBigint(SRP_G, b)) % SRP_N;
    const session = createSrpSession(poolName, { randomBytes: fixedA });
    const largeA = BigInt(`0x${session.srpA}`);
    const u = BigInt(`0x${hexHash(padHex(largeA) + padHex(serverB))}`);
    const serverS = modPowByBigint(largeA * modPowByBigint(verifier, u), b);
    const { hkdfKey } = await import('../../../main/core/srp/password-authentication-key.ts');
    const { claimSignature } = await import('../../../main/core/srp/claim-signature.ts');
    const now = new Date(Date.UTC(2030, 5, 7, 8, 9, 10));
    const expected = claimSignature(hkdfKey(serverS, u), {
      poolName,
      userId: 'carol',
      secretBlock: 'YWJj',
      timestamp: 'Fri Jun 7 08:09:10 UTC 2030',
    });

    const claim = await session.passwordClaim({
      userId: 'carol',
      password: 'pa55w0rd!',
      srpB: serverB.toString(16),
      salt,
      secretBlock: 'YWJj',
      now,
    });

    expect(claim.signature).toBe(expected);
  });
});
