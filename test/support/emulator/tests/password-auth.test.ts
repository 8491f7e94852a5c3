import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { secretHashFor } from '../index.ts';
import {
  authResult,
  baseSeed,
  call,
  claimsOf,
  clientSecret,
  passwordSignIn,
  signatureIsValid,
  start,
} from './emulator-test-kit.ts';

describe('InitiateAuth USER_PASSWORD_AUTH', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start(
      baseSeed((seed) => {
        seed.pools[0]?.clients.push({ id: 'noexpiresin1', omitExpiresIn: true, accessTokenValiditySeconds: 300 });
      }),
    );
  });
  afterAll(() => emulator.close());

  it('signs in with the right password and returns Bearer tokens with ExpiresIn', async () => {
    const answer = await passwordSignIn(emulator, 'alice');
    const result = authResult(answer);
    expect(answer.status).toBe(200);
    expect(result).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
    expect(typeof result.RefreshToken).toBe('string');
    expect(answer.body.ChallengeParameters).toEqual({});
  });

  it('signs access and ID tokens with the key the emulator serves for the pool; iss names AWS, not the endpoint', async () => {
    const result = authResult(await passwordSignIn(emulator, 'alice'));
    expect(await signatureIsValid(emulator, String(result.AccessToken))).toBe(true);
    expect(await signatureIsValid(emulator, String(result.IdToken))).toBe(true);
    expect(claimsOf(result.AccessToken).iss).toBe('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example1');
  });

  it('puts Cognito claims in the access token', async () => {
    const claims = claimsOf(authResult(await passwordSignIn(emulator, 'alice')).AccessToken);
    expect(claims).toMatchObject({
      token_use: 'access',
      client_id: 'publicclient1',
      username: 'alice',
      scope: 'aws.cognito.signin.user.admin',
      'cognito:groups': ['admins'],
    });
    expect(claims.sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const name of ['origin_jti', 'event_id', 'jti']) expect(typeof claims[name]).toBe('string');
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    expect(claims.auth_time).toBe(claims.iat);
  });

  it('puts Cognito claims and user attributes in the ID token', async () => {
    const result = authResult(await passwordSignIn(emulator, 'alice'));
    const id = claimsOf(result.IdToken);
    expect(id).toMatchObject({
      token_use: 'id',
      aud: 'publicclient1',
      'cognito:username': 'alice',
      email: 'alice@example.com',
      email_verified: true,
      phone_number: '+15555551234',
      'cognito:groups': ['admins'],
    });
    expect(id.sub).toBe(claimsOf(result.AccessToken).sub);
    expect(id.origin_jti).toBe(claimsOf(result.AccessToken).origin_jti);
  });

  it('leaves cognito:groups out for a user without groups', async () => {
    const claims = claimsOf(authResult(await passwordSignIn(emulator, 'bob')).AccessToken);
    expect(claims['cognito:groups']).toBeUndefined();
  });

  it('drops ExpiresIn for a client seeded with omitExpiresIn', async () => {
    const result = authResult(await passwordSignIn(emulator, 'alice', {}, 'noexpiresin1'));
    expect(result.ExpiresIn).toBeUndefined();
    expect(Number(claimsOf(result.AccessToken).exp) - Number(claimsOf(result.AccessToken).iat)).toBe(300);
  });

  it('refuses a wrong password with NotAuthorizedException', async () => {
    const answer = await call(emulator, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: 'publicclient1',
      AuthParameters: { USERNAME: 'alice', PASSWORD: 'wrong' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('refuses an unknown user with UserNotFoundException', async () => {
    const answer = await passwordSignIn(emulator, 'mallory');
    expect(answer.body).toEqual({ __type: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('refuses unconfirmed users and users who must reset their password', async () => {
    expect((await passwordSignIn(emulator, 'una')).body.__type).toBe('UserNotConfirmedException');
    expect((await passwordSignIn(emulator, 'rita')).body.__type).toBe('PasswordResetRequiredException');
  });

  it('names a missing PASSWORD', async () => {
    const answer = await call(emulator, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: 'publicclient1',
      AuthParameters: { USERNAME: 'alice' },
    });
    expect(answer.body).toEqual({
      __type: 'InvalidParameterException',
      message: 'Missing required parameter PASSWORD',
    });
  });

  it('refuses the flow when the client does not allow it', async () => {
    const answer = await call(emulator, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: 'secretclient1',
      AuthParameters: { USERNAME: 'alice', PASSWORD: 'x' },
    });
    expect(answer.body.__type).not.toBe('InvalidParameterException');
    const refused = await call(emulator, 'InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: 'passwordonly1',
      AuthParameters: { REFRESH_TOKEN: 'x' },
    });
    expect(refused.body).toEqual({
      __type: 'InvalidParameterException',
      message: 'REFRESH_TOKEN_AUTH flow not enabled for this client',
    });
  });

  it('requires SECRET_HASH from a client with a secret', async () => {
    const answer = await passwordSignIn(emulator, 'alice', {}, 'secretclient1');
    expect(answer.body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Client secretclient1 is configured for secret but secret was not received',
    });
  });

  it('refuses a wrong SECRET_HASH', async () => {
    const answer = await passwordSignIn(
      emulator,
      'alice',
      { SECRET_HASH: secretHashFor('other', 'alice', 'secretclient1') },
      'secretclient1',
    );
    expect(answer.body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Unable to verify secret hash for client secretclient1',
    });
  });

  it('refuses a SECRET_HASH computed for another username', async () => {
    const answer = await passwordSignIn(
      emulator,
      'alice',
      { SECRET_HASH: secretHashFor(clientSecret, 'bob', 'secretclient1') },
      'secretclient1',
    );
    expect(answer.body.message).toBe('Unable to verify secret hash for client secretclient1');
  });

  it('accepts the right SECRET_HASH', async () => {
    const answer = await passwordSignIn(
      emulator,
      'alice',
      { SECRET_HASH: secretHashFor(clientSecret, 'alice', 'secretclient1') },
      'secretclient1',
    );
    expect(answer.status).toBe(200);
    expect(claimsOf(authResult(answer).AccessToken).client_id).toBe('secretclient1');
  });
});
