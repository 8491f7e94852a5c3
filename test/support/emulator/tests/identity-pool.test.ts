import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import {
  authenticatedRole,
  adminsRole,
  auditorsRole,
  awsSeed,
  callerIdentity,
  identityCall,
  identityPoolId,
  provider,
  tokenRolePoolId,
} from './aws-test-kit.ts';
import { authResult, claimsOf, passwordSignIn, start } from './emulator-test-kit.ts';

let emulator: Emulator;
beforeEach(async () => {
  emulator = await start(awsSeed());
});
afterEach(() => emulator.close());

async function idTokenOf(username: string, clientId = 'publicclient1'): Promise<string> {
  return String(authResult(await passwordSignIn(emulator, username, {}, clientId)).IdToken);
}

async function credentialsFor(
  idToken: string,
  poolId = identityPoolId,
  customRoleArn?: string,
): Promise<Record<string, unknown>> {
  const id = await identityCall(emulator, 'GetId', { IdentityPoolId: poolId, Logins: { [provider]: idToken } });
  const answer = await identityCall(emulator, 'GetCredentialsForIdentity', {
    IdentityId: id.body.IdentityId,
    Logins: { [provider]: idToken },
    ...(customRoleArn ? { CustomRoleArn: customRoleArn } : {}),
  });
  return answer.body;
}

describe('cognito-identity GetId', () => {
  it('gives the same <region>:<uuid> identity to the same user on every call, another to another user', async () => {
    const token = await idTokenOf('alice');
    const first = await identityCall(emulator, 'GetId', {
      IdentityPoolId: identityPoolId,
      Logins: { [provider]: token },
    });
    const again = await identityCall(emulator, 'GetId', {
      IdentityPoolId: identityPoolId,
      Logins: { [provider]: await idTokenOf('alice') },
    });
    const bob = await identityCall(emulator, 'GetId', {
      IdentityPoolId: identityPoolId,
      Logins: { [provider]: await idTokenOf('bob') },
    });
    expect(first.status).toBe(200);
    expect(String(first.body.IdentityId)).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(again.body.IdentityId).toBe(first.body.IdentityId);
    expect(bob.body.IdentityId).not.toBe(first.body.IdentityId);
  });

  it('refuses an unknown pool, unauthenticated access, a provider the pool does not trust, an access token and an expired ID token', async () => {
    const token = await idTokenOf('alice');
    const access = String(authResult(await passwordSignIn(emulator, 'alice')).AccessToken);
    expect(
      (
        await identityCall(emulator, 'GetId', {
          IdentityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000000',
          Logins: { [provider]: token },
        })
      ).body.__type,
    ).toBe('ResourceNotFoundException');
    expect((await identityCall(emulator, 'GetId', { IdentityPoolId: identityPoolId })).body).toMatchObject({
      __type: 'NotAuthorizedException',
      message: 'Unauthenticated access is not supported for this identity pool.',
    });
    expect(
      (
        await identityCall(emulator, 'GetId', {
          IdentityPoolId: identityPoolId,
          Logins: { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Other1': token },
        })
      ).body.message,
    ).toBe('Token is not from a supported provider of this identity pool.');
    expect(
      (await identityCall(emulator, 'GetId', { IdentityPoolId: identityPoolId, Logins: { [provider]: access } })).body
        .__type,
    ).toBe('NotAuthorizedException');
    emulator.advanceClock(3_601_000);
    expect(
      String(
        (await identityCall(emulator, 'GetId', { IdentityPoolId: identityPoolId, Logins: { [provider]: token } })).body
          .message,
      ),
    ).toMatch(/^Invalid login token\. Token expired: \d+ >= \d+$/);
  });

  it('refuses an ID token of an app client the identity pool does not list, and a token with a forged signature', async () => {
    const other = await idTokenOf('alice', 'passwordonly1');
    expect(
      (await identityCall(emulator, 'GetId', { IdentityPoolId: identityPoolId, Logins: { [provider]: other } })).body
        .message,
    ).toBe('Invalid login token. Incorrect token audience.');
    const [header, , signature] = (await idTokenOf('bob')).split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claimsOf(await idTokenOf('alice')) })).toString('base64url')}.${signature}`;
    expect(
      (await identityCall(emulator, 'GetId', { IdentityPoolId: identityPoolId, Logins: { [provider]: forged } })).body
        .__type,
    ).toBe('NotAuthorizedException');
  });
});

describe('cognito-identity GetCredentialsForIdentity', () => {
  it('hands out temporary credentials of the authenticated role that STS recognises until they expire', async () => {
    const body = await credentialsFor(await idTokenOf('bob'));
    const credentials = body.Credentials as {
      AccessKeyId: string;
      SecretKey: string;
      SessionToken: string;
      Expiration: number;
    };
    expect(credentials.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(credentials.Expiration).toBe(Math.floor(emulator.now() / 1000) + 3600);
    const asSdk = {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretKey,
      sessionToken: credentials.SessionToken,
    };
    expect(await callerIdentity(emulator, asSdk)).toMatchObject({
      status: 200,
      arn: 'arn:aws:sts::123456789012:assumed-role/Cognito_ExampleAuth_Role/CognitoIdentityCredentials',
      account: '123456789012',
    });
    emulator.advanceClock(3_600_000);
    expect(await callerIdentity(emulator, asSdk, { signedAt: new Date(emulator.now()) })).toMatchObject({
      status: 403,
      code: 'ExpiredToken',
      message: 'The security token included in the request is expired',
    });
  });

  it("refuses Logins that are not the identity's own, and an identity it does not know", async () => {
    const alice = await idTokenOf('alice');
    const id = await identityCall(emulator, 'GetId', { IdentityPoolId: identityPoolId, Logins: { [provider]: alice } });
    const asBob = await identityCall(emulator, 'GetCredentialsForIdentity', {
      IdentityId: id.body.IdentityId,
      Logins: { [provider]: await idTokenOf('bob') },
    });
    const none = await identityCall(emulator, 'GetCredentialsForIdentity', { IdentityId: id.body.IdentityId });
    const unknown = await identityCall(emulator, 'GetCredentialsForIdentity', {
      IdentityId: 'us-east-1:00000000-0000-4000-8000-000000000000',
      Logins: { [provider]: alice },
    });
    expect(asBob.body).toMatchObject({
      __type: 'NotAuthorizedException',
      message: "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    });
    expect(none.body.__type).toBe('NotAuthorizedException');
    expect(unknown.body.__type).toBe('ResourceNotFoundException');
  });

  it('with token-based role mapping: the preferred role, or CustomRoleArn when the token carries it, and refuses a role it does not', async () => {
    const token = await idTokenOf('alice');
    expect(claimsOf(token)['cognito:roles']).toEqual([adminsRole, auditorsRole]);
    const session = async (role?: string): Promise<string | undefined> => {
      const c = (await credentialsFor(token, tokenRolePoolId, role)).Credentials as {
        AccessKeyId: string;
        SecretKey: string;
        SessionToken: string;
      };
      return (
        await callerIdentity(emulator, {
          accessKeyId: c.AccessKeyId,
          secretAccessKey: c.SecretKey,
          sessionToken: c.SessionToken,
        })
      ).arn;
    };
    expect(await session()).toContain('assumed-role/ExampleAdmins/');
    expect(await session(auditorsRole)).toContain('assumed-role/ExampleAuditors/');
    const refused = await credentialsFor(token, tokenRolePoolId, authenticatedRole);
    expect(refused.__type).toBe('InvalidParameterException');
  });
});

describe('cognito-identity GetOpenIdToken', () => {
  it('signs an OpenID token from cognito-identity.amazonaws.com for the identity and the pool', async () => {
    const token = await idTokenOf('bob');
    const id = await identityCall(emulator, 'GetId', { IdentityPoolId: identityPoolId, Logins: { [provider]: token } });
    const answer = await identityCall(emulator, 'GetOpenIdToken', {
      IdentityId: id.body.IdentityId,
      Logins: { [provider]: token },
    });
    expect(answer.body.IdentityId).toBe(id.body.IdentityId);
    expect(claimsOf(answer.body.Token)).toMatchObject({
      iss: 'https://cognito-identity.amazonaws.com',
      aud: identityPoolId,
      sub: id.body.IdentityId,
      amr: ['authenticated', provider, expect.stringContaining(':CognitoSignIn:')],
    });
  });
});
