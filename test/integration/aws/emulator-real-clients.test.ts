// The emulator's AWS side checked by clients nobody here wrote: Debian's AWS CLI (botocore's SigV4) and the AWS SDK for
// JavaScript v3 (STS, cognito-identity through fromCognitoIdentity, cognito-idp's AdminInitiateAuth).
import { AdminInitiateAuthCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromCognitoIdentity } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../support/emulator/index.ts';
import { awsConfigEnv, HAS_AWS_CLI, runAws } from '../../support/aws-cli.ts';
import { adminKey, awsSeed, identityPoolId, provider, readOnlyKey } from '../../support/emulator/tests/aws-test-kit.ts';
import { authResult, password, passwordSignIn } from '../../support/emulator/tests/emulator-test-kit.ts';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed: awsSeed(), port: 0 });
});
afterAll(() => emulator.close());

const keyEnv = (key: { accessKeyId: string; secretAccessKey: string }): Record<string, string> =>
  awsConfigEnv('[default]\nregion = us-east-1\n', {
    AWS_ACCESS_KEY_ID: key.accessKeyId,
    AWS_SECRET_ACCESS_KEY: key.secretAccessKey,
  });

describe.runIf(HAS_AWS_CLI)('the AWS CLI against the emulator', () => {
  it('aws sts get-caller-identity names the seeded IAM user', async () => {
    const run = await runAws(
      ['--endpoint-url', emulator.endpoint, 'sts', 'get-caller-identity', '--output', 'json'],
      keyEnv(adminKey),
    );
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({
      Arn: 'arn:aws:iam::123456789012:user/ctm-admin',
      Account: '123456789012',
    });
  });

  it('aws sts get-caller-identity with a wrong secret fails with SignatureDoesNotMatch', async () => {
    const run = await runAws(
      ['--endpoint-url', emulator.endpoint, 'sts', 'get-caller-identity'],
      keyEnv({ ...adminKey, secretAccessKey: 'not-the-secret' }),
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('(SignatureDoesNotMatch)');
  });

  it('aws cognito-idp admin-initiate-auth signs a user in; a key without the right is refused', async () => {
    const args = [
      '--endpoint-url',
      emulator.endpoint,
      'cognito-idp',
      'admin-initiate-auth',
      '--user-pool-id',
      'us-east-1_Example1',
      '--client-id',
      'adminclient1',
      '--auth-flow',
      'ADMIN_USER_PASSWORD_AUTH',
      '--auth-parameters',
      `USERNAME=bob,PASSWORD=${password}`,
      '--output',
      'json',
    ];
    const run = await runAws(args, keyEnv(adminKey));
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).AuthenticationResult.TokenType).toBe('Bearer');
    const denied = await runAws(args, keyEnv(readOnlyKey));
    expect(denied.stderr).toContain('(AccessDeniedException)');
  });
});

describe('the AWS SDK for JavaScript v3 against the emulator', () => {
  it('STS GetCallerIdentity with a seeded key', async () => {
    const sts = new STSClient({ region: 'us-east-1', endpoint: emulator.endpoint, credentials: adminKey });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe('arn:aws:iam::123456789012:user/ctm-admin');
  });

  it('fromCognitoIdentity (GetId + GetCredentialsForIdentity) gives credentials STS knows as the identity pool role', async () => {
    const idToken = String(authResult(await passwordSignIn(emulator, 'bob')).IdToken);
    const credentials = fromCognitoIdentity({
      clientConfig: { region: 'us-east-1', endpoint: emulator.endpoint },
      identityId: String(
        (
          (await (
            await fetch(emulator.endpoint, {
              method: 'POST',
              headers: {
                'content-type': 'application/x-amz-json-1.1',
                'x-amz-target': 'AWSCognitoIdentityService.GetId',
              },
              body: JSON.stringify({ IdentityPoolId: identityPoolId, Logins: { [provider]: idToken } }),
            })
          ).json()) as { IdentityId: string }
        ).IdentityId,
      ),
      logins: { [provider]: idToken },
    });
    const resolved = await credentials();
    expect(resolved.expiration).toBeInstanceOf(Date);
    const sts = new STSClient({ region: 'us-east-1', endpoint: emulator.endpoint, credentials });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(
      'arn:aws:sts::123456789012:assumed-role/Cognito_ExampleAuth_Role/CognitoIdentityCredentials',
    );
  });

  it('AdminInitiateAuth signed by the SDK', async () => {
    const idp = new CognitoIdentityProviderClient({
      region: 'us-east-1',
      endpoint: emulator.endpoint,
      credentials: adminKey,
    });
    const answer = await idp.send(
      new AdminInitiateAuthCommand({
        UserPoolId: 'us-east-1_Example1',
        ClientId: 'adminclient1',
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'bob', PASSWORD: password },
      }),
    );
    expect(answer.AuthenticationResult?.AccessToken).toBeTruthy();
    const denied = new CognitoIdentityProviderClient({
      region: 'us-east-1',
      endpoint: emulator.endpoint,
      credentials: { ...adminKey, secretAccessKey: 'wrong' },
    });
    await expect(
      denied.send(
        new AdminInitiateAuthCommand({
          UserPoolId: 'us-east-1_Example1',
          ClientId: 'adminclient1',
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'bob', PASSWORD: password },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidSignatureException' });
  });
});
