import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { secretHashFor } from '../index.ts';
import { authResult, call, claimsOf, clientSecret, password, start } from './emulator-test-kit.ts';
import { answerVerifier, beginSrp, parametersOf } from './sign-in-steps.ts';

// A pool whose users sign in with e-mail or phone: the real username is a UUID, used by USER_ID_FOR_SRP, the username
// claims and the refresh's SECRET_HASH, while the sign-in itself names the e-mail or phone number.
describe('pools with username attributes (sign in with e-mail or phone)', () => {
  let emulator: Emulator;
  const email = 'Erin@Example.com';
  beforeAll(async () => {
    emulator = await start({
      pools: [
        {
          id: 'us-east-1_Example1',
          usernameAttributes: ['email', 'phone_number'],
          clients: [{ id: 'publicclient1' }, { id: 'secretclient1', secret: clientSecret }],
          users: [
            { username: 'erin', password, attributes: { email: 'erin@example.com', phone_number: '+15555550123' } },
          ],
        },
      ],
    });
  });
  afterAll(() => emulator.close());

  const passwordSignIn = (username: string, clientId = 'publicclient1', extra: Record<string, string> = {}) =>
    call(emulator, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password, ...extra },
    });

  it('signs in with the e-mail (any case) or the phone number, and names the UUID username in the tokens', async () => {
    const byEmail = authResult(await passwordSignIn(email));
    const byPhone = authResult(await passwordSignIn('+15555550123'));
    const access = claimsOf(byEmail.AccessToken);
    expect(access.username).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(access.username).toBe(access.sub);
    expect(claimsOf(byEmail.IdToken)['cognito:username']).toBe(access.username);
    expect(claimsOf(byPhone.AccessToken).username).toBe(access.username);
  });

  it('does not know the user by the seed name, which is not an attribute', async () => {
    expect((await passwordSignIn('erin')).body.__type).toBe('UserNotFoundException');
  });

  it('answers SRP with USER_ID_FOR_SRP = the UUID, against which the password proof is computed', async () => {
    const { answer, start: srp } = await beginSrp(emulator, email);
    const userId = parametersOf(answer).USER_ID_FOR_SRP;
    expect(userId).toMatch(/^[0-9a-f-]{36}$/);
    expect(parametersOf(answer).USERNAME).toBe(userId);
    const done = await answerVerifier(emulator, answer, srp);
    expect(claimsOf(authResult(done).AccessToken).username).toBe(userId);
  });

  it('takes SECRET_HASH over the e-mail at sign-in, but only over the UUID username on refresh', async () => {
    const signIn = authResult(
      await passwordSignIn(email, 'secretclient1', {
        SECRET_HASH: secretHashFor(clientSecret, email, 'secretclient1'),
      }),
    );
    const uuid = String(claimsOf(signIn.AccessToken).username);
    const refresh = (hashedName: string) =>
      call(emulator, 'InitiateAuth', {
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: 'secretclient1',
        AuthParameters: {
          REFRESH_TOKEN: String(signIn.RefreshToken),
          SECRET_HASH: secretHashFor(clientSecret, hashedName, 'secretclient1'),
        },
      });
    expect((await refresh(email)).body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Unable to verify secret hash for client secretclient1',
    });
    expect((await refresh(uuid)).status).toBe(200);
  });

  it('refuses a seed whose user has none of the username attributes', async () => {
    await expect(
      start({
        pools: [
          { id: 'us-east-1_A', usernameAttributes: ['email'], clients: [], users: [{ username: 'x', password }] },
        ],
      }),
    ).rejects.toThrow('usernameAttributes');
  });
});
