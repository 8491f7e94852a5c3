// ADMIN_USER_PASSWORD_AUTH end to end: ctm signs in through the IAM-signed AdminInitiateAuth with AWS credentials from
// the standard chain (environment, shared files, --aws-profile), the emulator checks the SigV4 signature, and Debian's
// AWS CLI signing the same call agrees. ctm never stores the AWS credentials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../../main/core/keychain/keytar-secret-store.ts';
import { decodeJwtClaims } from '../../../main/core/tokens/jwt.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { awsConfigEnv, HAS_AWS_CLI, runAws } from '../../support/aws-cli.ts';
import { ADMIN_CLIENT, ADMIN_KEY, awsSkeletonSeed, TESS_TOTP } from '../../support/aws-seed.ts';
import { totpCode } from '../../support/emulator/index.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { filesContaining } from '../../support/secret-scan.ts';
import { ALICE_PASSWORD, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

describe.skipIf(!HAS_KEYRING)(
  'ctm login with ADMIN_USER_PASSWORD_AUTH, against the emulator and the real keyring',
  () => {
    let app: AppFixture;
    /** An AWS config folder with the admin key under [profile admin] and nothing in the environment. */
    let sharedFiles: Record<string, string>;
    const ctm = (args: string[], stdin = '', env: Record<string, string> = {}) =>
      runCtm(args, { ...sharedFiles, ...app.env, ...env }, stdin);
    beforeAll(async () => {
      app = await startAppFixture(awsSkeletonSeed());
      sharedFiles = awsConfigEnv(
        `[profile admin]\nregion = us-east-1\naws_access_key_id = ${ADMIN_KEY.accessKeyId}\naws_secret_access_key = ${ADMIN_KEY.secretAccessKey}\n`,
      );
      const profile = [
        '--user-pool-id',
        TEST_POOL,
        '--client-id',
        ADMIN_CLIENT,
        '--username',
        'alice',
        '--auth-flow',
        'ADMIN_USER_PASSWORD_AUTH',
        '--endpoint',
        app.emulator.endpoint,
      ];
      expect((await ctm(['profile', 'add', 'admin-named', ...profile, '--aws-profile', 'admin'])).code).toBe(0);
      expect((await ctm(['profile', 'add', 'admin-chain', ...profile])).code).toBe(0);
    });
    afterAll(async () => app?.close());

    it('signs in with the AWS profile named by --aws-profile, through a signed AdminInitiateAuth', async () => {
      const login = await ctm(['login', 'admin-named', '--password-stdin'], ALICE_PASSWORD);
      expect(login.stderr).not.toContain('ctm:');
      expect(login.code).toBe(0);
      const request = app.emulator.requests.findLast((r) => r.operation === 'AdminInitiateAuth');
      expect(request?.headers.authorization).toMatch(
        new RegExp(`^AWS4-HMAC-SHA256 Credential=${ADMIN_KEY.accessKeyId}/\\d{8}/us-east-1/cognito-idp/aws4_request`),
      );
      expect(request?.body).toMatchObject({
        UserPoolId: TEST_POOL,
        ClientId: ADMIN_CLIENT,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      });
      expect(decodeJwtClaims((await ctm(['token', 'admin-named'])).stdout.trim())).toMatchObject({
        username: 'alice',
        client_id: ADMIN_CLIENT,
      });
    });

    it('answers an MFA challenge through the signed AdminRespondToAuthChallenge, as the user flows do', async () => {
      const profile = [
        '--user-pool-id',
        TEST_POOL,
        '--client-id',
        ADMIN_CLIENT,
        '--username',
        'tess',
        '--auth-flow',
        'ADMIN_USER_PASSWORD_AUTH',
        '--endpoint',
        app.emulator.endpoint,
        '--aws-profile',
        'admin',
      ];
      expect((await ctm(['profile', 'add', 'admin-mfa', ...profile])).code).toBe(0);
      const login = await ctm(
        ['login', 'admin-mfa', '--password-stdin', '--mfa-code', totpCode(TESS_TOTP, app.emulator.now())],
        'Tess-Password-123!',
      );
      expect(login.code).toBe(0);
      const answer = app.emulator.requests.findLast((r) => r.operation === 'AdminRespondToAuthChallenge');
      expect(answer?.body).toMatchObject({ UserPoolId: TEST_POOL, ChallengeName: 'SOFTWARE_TOKEN_MFA' });
      expect(answer?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);
    });

    it("signs in with the standard chain's environment variables when no AWS profile is named", async () => {
      const login = await ctm(['login', 'admin-chain', '--password-stdin'], ALICE_PASSWORD, {
        AWS_ACCESS_KEY_ID: ADMIN_KEY.accessKeyId,
        AWS_SECRET_ACCESS_KEY: ADMIN_KEY.secretAccessKey,
      });
      expect(login.code).toBe(0);
    });

    it('without AWS credentials, says where it looked and how to fix it, and stores nothing', async () => {
      const login = await ctm(['logout', 'admin-chain']).then(() =>
        ctm(['login', 'admin-chain', '--password-stdin'], ALICE_PASSWORD, {
          AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
          AWS_CONFIG_FILE: '/nonexistent',
        }),
      );
      expect(login.code).toBe(1);
      expect(login.stderr).toMatch(
        /^ctm: The administrator sign-in of "admin-chain" needs AWS credentials, and the standard AWS chain .* gave none .*aws sso login.*--aws-profile\.\n$/,
      );
      expect((await ctm(['token', 'admin-chain'])).code).toBe(3);
    });

    it('a wrong secret key is refused by the signature check, with advice', async () => {
      const login = await ctm(['login', 'admin-chain', '--password-stdin'], ALICE_PASSWORD, {
        AWS_ACCESS_KEY_ID: ADMIN_KEY.accessKeyId,
        AWS_SECRET_ACCESS_KEY: 'not-the-secret',
      });
      expect(login.code).toBe(4);
      expect(login.stderr).toContain('InvalidSignatureException');
      expect(login.stderr).not.toContain('not-the-secret');
    });

    it.runIf(HAS_AWS_CLI)(
      'aws cognito-idp admin-initiate-auth, signed by the AWS CLI with the same profile, agrees with ctm',
      async () => {
        const run = await runAws(
          [
            '--profile',
            'admin',
            '--endpoint-url',
            app.emulator.endpoint,
            'cognito-idp',
            'admin-initiate-auth',
            '--user-pool-id',
            TEST_POOL,
            '--client-id',
            ADMIN_CLIENT,
            '--auth-flow',
            'ADMIN_USER_PASSWORD_AUTH',
            '--auth-parameters',
            `USERNAME=alice,PASSWORD=${ALICE_PASSWORD}`,
            '--output',
            'json',
          ],
          sharedFiles,
        );
        const theirs = decodeJwtClaims(JSON.parse(run.stdout).AuthenticationResult.AccessToken as string);
        const ours = decodeJwtClaims((await ctm(['token', 'admin-named'])).stdout.trim());
        for (const claim of ['sub', 'username', 'client_id', 'iss', 'token_use', 'scope'])
          expect(theirs?.[claim]).toEqual(ours?.[claim]);
      },
    );

    it('never stores the AWS credentials: not in the config folder, not in the keychain', async () => {
      expect(
        filesContaining(app.configDir, { secret: ADMIN_KEY.secretAccessKey, keyId: ADMIN_KEY.accessKeyId }),
      ).toEqual([]);
      const items = [...(await new KeytarSecretStore().all()).values()];
      expect(
        items.some((item) => item.includes(ADMIN_KEY.secretAccessKey) || item.includes(ADMIN_KEY.accessKeyId)),
      ).toBe(false);
    });
  },
);
