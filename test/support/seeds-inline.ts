import type { Seed } from './emulator/index.ts';

/** Constant test identities, used by the seed below and by the secret scans. */
export const TEST_POOL = 'us-east-1_Skeleton1';
export const PUBLIC_CLIENT = 'skeletonpublic1';
export const SECRET_CLIENT = 'skeletonsecret1';
export const CLIENT_SECRET = 'skeleton-client-secret-0123456789';
export const ALICE_PASSWORD = 'Alice-Password-123!';

/** A pool with a public and a confidential app client and one confirmed user, with short token lifetimes. */
export function skeletonSeed(accessTokenValiditySeconds = 3600): Seed {
  return {
    pools: [
      {
        id: TEST_POOL,
        clients: [
          {
            id: PUBLIC_CLIENT,
            accessTokenValiditySeconds,
            idTokenValiditySeconds: accessTokenValiditySeconds,
            refreshTokenValiditySeconds: 86400,
          },
          {
            id: SECRET_CLIENT,
            secret: CLIENT_SECRET,
            accessTokenValiditySeconds,
            idTokenValiditySeconds: accessTokenValiditySeconds,
            refreshTokenValiditySeconds: 86400,
          },
        ],
        users: [{ username: 'alice', password: ALICE_PASSWORD, attributes: { email: 'alice@example.com' } }],
      },
    ],
  };
}
