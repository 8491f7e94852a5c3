import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secretHashFor, totpCode, type Emulator } from '../index.ts';
import { adminKey, awsSeed, identityCredentials, readOnlyKey, signedJson } from './aws-test-kit.ts';
import { call, password, start } from './emulator-test-kit.ts';

let emulator: Emulator;
beforeEach(async () => {
  emulator = await start(
    awsSeed((seed) => {
      seed.pools[0]?.users.push({
        username: 'tina',
        password,
        attributes: { email: 'tina@example.com' },
        mfa: { totpSecret: 'JBSWY3DPEHPK3PXP', enabled: ['SOFTWARE_TOKEN_MFA'] },
      });
      seed.pools[0]?.users.push({
        username: 'newbie',
        password,
        attributes: { email: 'n@example.com' },
        status: 'FORCE_CHANGE_PASSWORD',
      });
    }),
  );
});
afterEach(() => emulator.close());

const target = (op: string): string => `AWSCognitoIdentityProviderService.${op}`;
const adminSignIn = (
  username: string,
  clientId = 'adminclient1',
  extra: Record<string, string> = {},
): Record<string, unknown> => ({
  UserPoolId: 'us-east-1_Example1',
  ClientId: clientId,
  AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
  AuthParameters: { USERNAME: username, PASSWORD: password, ...extra },
});

describe('AdminInitiateAuth / AdminRespondToAuthChallenge', () => {
  it('signs a user in with ADMIN_USER_PASSWORD_AUTH, signed by an allowed IAM user', async () => {
    const answer = await signedJson(emulator, target('AdminInitiateAuth'), adminSignIn('bob'));
    expect(answer.status).toBe(200);
    expect(answer.body.AuthenticationResult).toMatchObject({
      TokenType: 'Bearer',
      AccessToken: expect.any(String),
      RefreshToken: expect.any(String),
    });
  });

  it('needs SECRET_HASH for a client with a secret', async () => {
    const without = await signedJson(emulator, target('AdminInitiateAuth'), adminSignIn('bob', 'adminsecret1'));
    const withHash = await signedJson(
      emulator,
      target('AdminInitiateAuth'),
      adminSignIn('bob', 'adminsecret1', { SECRET_HASH: secretHashFor('admin-client-secret', 'bob', 'adminsecret1') }),
    );
    expect(without.body.__type).toBe('NotAuthorizedException');
    expect(withHash.status).toBe(200);
  });

  it('answers MFA and NEW_PASSWORD_REQUIRED through AdminRespondToAuthChallenge', async () => {
    const first = await signedJson(emulator, target('AdminInitiateAuth'), adminSignIn('tina'));
    expect(first.body.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const code = totpCode('JBSWY3DPEHPK3PXP', emulator.now());
    const done = await signedJson(emulator, target('AdminRespondToAuthChallenge'), {
      UserPoolId: 'us-east-1_Example1',
      ClientId: 'adminclient1',
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: first.body.Session,
      ChallengeResponses: { USERNAME: 'tina', SOFTWARE_TOKEN_MFA_CODE: code },
    });
    expect(done.body.AuthenticationResult).toBeDefined();
    const newbie = await signedJson(emulator, target('AdminInitiateAuth'), adminSignIn('newbie'));
    expect(newbie.body.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('refuses a client without ALLOW_ADMIN_USER_PASSWORD_AUTH, a client of another pool and USER_SRP_AUTH', async () => {
    expect(
      (await signedJson(emulator, target('AdminInitiateAuth'), adminSignIn('bob', 'passwordonly1'))).body,
    ).toMatchObject({
      __type: 'InvalidParameterException',
      message: 'ADMIN_USER_PASSWORD_AUTH flow not enabled for this client',
    });
    expect(
      (
        await signedJson(emulator, target('AdminInitiateAuth'), {
          ...adminSignIn('bob'),
          UserPoolId: 'us-east-1_Nope1',
        })
      ).body.__type,
    ).toBe('ResourceNotFoundException');
    expect(
      (await signedJson(emulator, target('AdminInitiateAuth'), { ...adminSignIn('bob'), AuthFlow: 'USER_SRP_AUTH' }))
        .body.message,
    ).toBe('Initiate Auth method not supported.');
  });

  it('refuses an unsigned call, an unknown key, a wrong secret, an expired clock and a user the policy does not allow', async () => {
    const unsigned = await call(emulator, 'AdminInitiateAuth', adminSignIn('bob'));
    expect(unsigned.body.__type).toBe('MissingAuthenticationTokenException');
    expect(
      (
        await signedJson(emulator, target('AdminInitiateAuth'), adminSignIn('bob'), {
          accessKeyId: 'AKIAUNKNOWNKEY000001',
          secretAccessKey: 'x',
        })
      ).body,
    ).toMatchObject({
      __type: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
    expect(
      (
        await signedJson(emulator, target('AdminInitiateAuth'), adminSignIn('bob'), {
          ...adminKey,
          secretAccessKey: 'wrong',
        })
      ).body.__type,
    ).toBe('InvalidSignatureException');
    expect(
      (
        await signedJson(emulator, target('AdminInitiateAuth'), adminSignIn('bob'), adminKey, {
          signedAt: new Date(emulator.now() + 30 * 60_000),
        })
      ).body.message,
    ).toMatch(/^Signature not yet current: /);
    const denied = await signedJson(emulator, target('AdminInitiateAuth'), adminSignIn('bob'), readOnlyKey);
    expect(denied.body).toMatchObject({
      __type: 'AccessDeniedException',
      message:
        'User: arn:aws:iam::123456789012:user/reader is not authorized to perform: cognito-idp:AdminInitiateAuth on resource: arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Example1 because no identity-based policy allows the cognito-idp:AdminInitiateAuth action',
    });
  });

  it('does not let identity-pool credentials (a role with no Cognito rights) sign users in', async () => {
    // Credentials from GetCredentialsForIdentity are a role session: the emulator's roles grant no cognito-idp action.
    const denied = await signedJson(
      emulator,
      target('AdminInitiateAuth'),
      adminSignIn('bob'),
      await identityCredentials(emulator),
    );
    expect(denied.body.__type).toBe('AccessDeniedException');
    expect(denied.body.message).toContain(
      'assumed-role/Cognito_ExampleAuth_Role/CognitoIdentityCredentials is not authorized',
    );
  });
});
