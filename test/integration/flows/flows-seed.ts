import { readFileSync } from 'node:fs';
import type { Seed } from '../../support/emulator/index.ts';

/** Every seeded user's password (newbie's temporary one is TEMP_PASSWORD). */
export const PASSWORD = 'Correct-Horse-1';
/** newbie's temporary password (FORCE_CHANGE_PASSWORD). */
export const TEMP_PASSWORD = 'Temp-Pass-1';
/** The shared secret of every confidential client below. */
export const SECRET = 's3cr3t-client-secret';
/** The TOTP secret of totpuser and chooser. */
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

/**
 * The full seed (every status, MFA kind, custom auth, a device pool), plus: confidential clients in the
 * device pool and with rotation, a user with three custom rounds, and a pool where users opt in to remembering devices.
 */
export function flowsSeed(): Seed {
  const seed = JSON.parse(readFileSync('test/support/seeds/emulator-full.json', 'utf8')) as Seed;
  const [main, devices] = seed.pools;
  main?.clients.push({
    id: 'rotatingsecret1',
    secret: SECRET,
    refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: 10 },
  });
  main?.clients.push({ id: 'norevokeclient1', enableTokenRevocation: false });
  main?.users.push({
    username: 'riddler',
    password: PASSWORD,
    attributes: { email: 'riddler@example.com' },
    customChallenge: {
      rounds: [
        { parameters: { q: 'one' }, answer: '1' },
        { parameters: { q: 'two' }, answer: '2' },
      ],
      startWithSrp: true,
    },
  });
  devices?.clients.push({ id: 'devicesecret1', secret: SECRET });
  seed.pools.push({
    id: 'us-west-2_OptIn1',
    deviceTracking: 'user-opt-in',
    clients: [{ id: 'optinclient1' }],
    users: [
      {
        username: 'olive',
        password: PASSWORD,
        attributes: { email: 'olive@example.com' },
        mfa: { totpSecret: TOTP_SECRET, enabled: ['SOFTWARE_TOKEN_MFA'] },
      },
      {
        username: 'oscar',
        password: PASSWORD,
        attributes: { email: 'oscar@example.com' },
        mfa: { totpSecret: TOTP_SECRET, enabled: ['SOFTWARE_TOKEN_MFA'] },
      },
    ],
  });
  return seed;
}

/** Profile fields for a client of the main pool (us-east-1_Example1) on the emulator. */
export function mainPool(endpoint: string, fields: Record<string, unknown>): Record<string, unknown> {
  return { region: 'us-east-1', userPoolId: 'us-east-1_Example1', clientId: 'publicclient1', endpoint, ...fields };
}
