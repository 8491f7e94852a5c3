import { describe, expect, it } from 'vitest';
import { startEmulator, type Seed } from '../index.ts';
import { checkSeed } from '../seed-check.ts';
import { stableSub } from '../pool-builder.ts';

describe('seed checks', () => {
  it.each(['emulator-basic.json', 'emulator-full.json'])('accepts the seed file %s', async (file) => {
    const emulator = await startEmulator({ seed: `test/support/seeds/${file}` });
    await emulator.close();
    expect(emulator.endpoint).toMatch(/^http:/);
  });

  it.each([
    ['no pools', {}, '$.pools'],
    ['a bad pool id', { pools: [{ id: 'nounderscore', clients: [], users: [] }] }, '$.pools[0]'],
    ['a client without id', { pools: [{ id: 'us-east-1_A', clients: [{}], users: [] }] }, '$.pools[0].clients[0]'],
    [
      'an unknown flow',
      { pools: [{ id: 'us-east-1_A', clients: [{ id: 'c', explicitAuthFlows: ['ALLOW_MAGIC'] }], users: [] }] },
      'explicitAuthFlows',
    ],
    [
      'a zero validity',
      { pools: [{ id: 'us-east-1_A', clients: [{ id: 'c', accessTokenValiditySeconds: 0 }], users: [] }] },
      'accessTokenValiditySeconds',
    ],
    [
      'a duplicate client',
      { pools: [{ id: 'us-east-1_A', clients: [{ id: 'c' }, { id: 'c' }], users: [] }] },
      'duplicate',
    ],
    [
      'an unknown status',
      { pools: [{ id: 'us-east-1_A', clients: [], users: [{ username: 'u', password: 'p', status: 'HAPPY' }] }] },
      'status',
    ],
    [
      'a custom round without answer',
      {
        pools: [
          {
            id: 'us-east-1_A',
            clients: [],
            users: [{ username: 'u', password: 'p', customChallenge: { rounds: [{ parameters: {} }] } }],
          },
        ],
      },
      'rounds[0]',
    ],
    [
      'a grace period over 60 s',
      {
        pools: [
          {
            id: 'us-east-1_A',
            clients: [{ id: 'c', refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: 61 } }],
            users: [],
          },
        ],
      },
      'retryGracePeriodSeconds',
    ],
    [
      'a non-boolean token revocation',
      { pools: [{ id: 'us-east-1_A', clients: [{ id: 'c', enableTokenRevocation: 'no' }], users: [] }] },
      'enableTokenRevocation',
    ],
    [
      'an unknown MFA method',
      {
        pools: [
          { id: 'us-east-1_A', clients: [], users: [{ username: 'u', password: 'p', mfa: { enabled: ['PIGEON'] } }] },
        ],
      },
      'MFA',
    ],
  ])('refuses %s, naming where', (_name, seed, where) => {
    expect(() => checkSeed(seed)).toThrow(where);
  });

  it('rejects a malformed seed at start', async () => {
    await expect(startEmulator({ seed: { pools: 'nope' } as unknown as Seed })).rejects.toThrow(
      'Invalid emulator seed',
    );
  });

  it('derives the same sub for the same pool and username', () => {
    expect(stableSub('us-east-1_A', 'alice')).toBe(stableSub('us-east-1_A', 'alice'));
    expect(stableSub('us-east-1_A', 'alice')).not.toBe(stableSub('us-east-1_A', 'bob'));
  });
});
