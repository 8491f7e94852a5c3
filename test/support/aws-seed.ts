import type { Seed } from './emulator/index.ts';
import { PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from './seeds-inline.ts';

/** The identity pool of the AWS seed. */
export const IDENTITY_POOL = 'us-east-1:0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
/** Its authenticated role. */
export const AUTH_ROLE = 'arn:aws:iam::123456789012:role/Cognito_SkeletonAuth_Role';
/** What STS calls the identity's role session. */
export const ROLE_SESSION_ARN =
  'arn:aws:sts::123456789012:assumed-role/Cognito_SkeletonAuth_Role/CognitoIdentityCredentials';
/** An IAM user allowed the administrator sign-in. */
export const ADMIN_KEY = {
  accessKeyId: 'AKIASKELETONADMIN001',
  secretAccessKey: 'skeleton/admin/secret/key/00000000000001',
};
/** An app client that allows ADMIN_USER_PASSWORD_AUTH. */
export const ADMIN_CLIENT = 'skeletonadmin1';

/** The TOTP secret of `tess` (password Tess-Password-123!), who signs in with an authenticator code. */
export const TESS_TOTP = 'JBSWY3DPEHPK3PXP';

/** The skeleton seed plus an identity pool trusting its public client, an admin-enabled client and an IAM user. */
export function awsSkeletonSeed(accessTokenValiditySeconds = 3600): Seed {
  const seed = skeletonSeed(accessTokenValiditySeconds);
  seed.pools[0]?.users.push({
    username: 'tess',
    password: 'Tess-Password-123!',
    attributes: { email: 'tess@example.com' },
    mfa: { totpSecret: TESS_TOTP, enabled: ['SOFTWARE_TOKEN_MFA'] },
  });
  seed.pools[0]?.clients.push({
    id: ADMIN_CLIENT,
    explicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  });
  seed.iam = {
    users: [
      {
        name: 'ctm-admin',
        ...ADMIN_KEY,
        allow: ['cognito-idp:AdminInitiateAuth', 'cognito-idp:AdminRespondToAuthChallenge'],
      },
    ],
  };
  seed.identityPools = [
    {
      id: IDENTITY_POOL,
      providers: [
        { userPoolId: TEST_POOL, clientId: PUBLIC_CLIENT },
        { userPoolId: TEST_POOL, clientId: ADMIN_CLIENT },
      ],
      authenticatedRoleArn: AUTH_ROLE,
    },
  ];
  return seed;
}
