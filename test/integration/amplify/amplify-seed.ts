import type { Seed } from '../../support/emulator/index.ts';

/** The password every Amplify test user has. */
export const AMPLIFY_PASSWORD = 'Correct-Horse-1';

/** Pools and clients for driving the emulator with Amplify (which has no client secrets: all clients are public). */
export const amplifySeed: Seed = {
  pools: [
    {
      id: 'us-east-1_Amplify1',
      mfaSetupMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
      clients: [
        { id: 'amplifyclient1' },
        { id: 'amplifyrotating1', refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: 0 } },
      ],
      users: [
        { username: 'sam', password: AMPLIFY_PASSWORD, attributes: { email: 'sam@example.com' }, groups: ['readers'] },
        {
          username: 'quiz',
          password: AMPLIFY_PASSWORD,
          attributes: { email: 'quiz@example.com' },
          customChallenge: { rounds: [{ parameters: { question: '2+2?' }, answer: '4' }], startWithSrp: true },
        },
        { username: 'otp', password: AMPLIFY_PASSWORD, attributes: { email: 'otp@example.com' } },
        {
          username: 'totpsetup',
          password: AMPLIFY_PASSWORD,
          attributes: { email: 'totpsetup@example.com' },
          mfa: { setupRequired: true },
        },
        { username: 'mailsetup', password: AMPLIFY_PASSWORD, mfa: { setupRequired: true } },
        {
          username: 'newbie',
          password: 'Temp-Pass-1',
          status: 'FORCE_CHANGE_PASSWORD',
          attributes: { email: 'newbie@example.com' },
        },
      ],
    },
    {
      id: 'us-east-1_Devices2',
      deviceTracking: 'user-opt-in',
      clients: [{ id: 'amplifydevices1' }],
      users: [
        {
          username: 'dana',
          password: AMPLIFY_PASSWORD,
          attributes: { email: 'dana@example.com' },
          mfa: { totpSecret: 'JBSWY3DPEHPK3PXP', enabled: ['SOFTWARE_TOKEN_MFA'] },
        },
      ],
    },
    {
      id: 'eu-west-1_Email1',
      usernameAttributes: ['email'],
      clients: [{ id: 'amplifyemail1' }],
      users: [{ username: 'erin', password: AMPLIFY_PASSWORD, attributes: { email: 'erin@example.com' } }],
    },
  ],
};
