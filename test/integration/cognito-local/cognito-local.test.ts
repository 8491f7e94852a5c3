import { profileRef } from '../../../main/core/profiles/profile-id.ts';
import { idOf } from '../../support/profile-ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { totpCode } from '../../support/emulator/index.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import {
  addLocalUser,
  LOCAL_CLIENT,
  LOCAL_POOL,
  startCognitoLocal,
  type CognitoLocal,
} from './cognito-local-server.ts';

// Our client against cognito-local (npm), a Cognito imitation we did not write. It knows USER_PASSWORD_AUTH,
// REFRESH_TOKEN_AUTH, NEW_PASSWORD_REQUIRED and SOFTWARE_TOKEN_MFA (TOTP enrolled with an access token);
// it has no SRP, no MFA_SETUP through a Session and no device tracking, so those run only against our emulator.

const PASSWORD = 'Local-Password-1';

describe.skipIf(!HAS_KEYRING)('our client against cognito-local (child process; real keyring)', () => {
  let local: CognitoLocal;
  let app: AppFixture;
  const profile = (name: string, username: string) =>
    app.core.addProfile({
      name,
      region: 'us-east-1',
      userPoolId: LOCAL_POOL,
      clientId: LOCAL_CLIENT,
      username,
      authFlow: 'USER_PASSWORD_AUTH',
      endpoint: local.endpoint,
    });
  beforeAll(async () => {
    [local, app] = await Promise.all([startCognitoLocal(), startAppFixture({ pools: [] })]);
    await addLocalUser(local, 'alice', PASSWORD);
    await local.call('AdminCreateUser', {
      UserPoolId: LOCAL_POOL,
      Username: 'newbie',
      TemporaryPassword: 'Temp-Pass-1',
      MessageAction: 'SUPPRESS',
    });
  }, 30_000);
  afterAll(async () => {
    await local?.stop();
    await app?.close();
  });

  it('USER_PASSWORD_AUTH signs in; the refresh falls back to REFRESH_TOKEN_AUTH (cognito-local lacks GetTokensFromRefreshToken) and remembers that', async () => {
    await profile('local', 'alice');
    expect((await app.core.signIn(await idOf(app.core, 'local'), { password: PASSWORD })).kind).toBe('signed-in');
    const before = await app.core.tokens(await idOf(app.core, 'local'));
    const after = await app.core.refreshNow(await idOf(app.core, 'local'));
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).toBe(before.refreshToken);
    expect((await app.core.resolveProfile(profileRef('local'))).refreshFallbackEndpoint).toBe(local.endpoint);
    expect((await app.core.refreshNow(await idOf(app.core, 'local'))).accessToken).not.toBe(after.accessToken);
  });

  it('a wrong password is refused, with cognito-local\u2019s error type and our advice for it', async () => {
    const error = await app.core
      .signIn(await idOf(app.core, 'local'), { password: 'wrong-password' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'service',
      message: expect.stringMatching(
        /^InvalidPasswordException.*\. Nothing was changed: the old or temporary password still works/,
      ),
    });
  });

  it('NEW_PASSWORD_REQUIRED for a user with a temporary password, then the new password works', async () => {
    await profile('local-new', 'newbie');
    const step = await app.core.signIn(await idOf(app.core, 'local-new'), { password: 'Temp-Pass-1' });
    if (step.kind !== 'challenge') throw new Error('expected NEW_PASSWORD_REQUIRED');
    expect(step.prompt).toEqual({ name: 'NEW_PASSWORD_REQUIRED', requiredAttributes: [] });
    expect((await app.core.answerChallenge(step.conversationId, { newPassword: 'Brand-New-Pass-2' })).kind).toBe(
      'signed-in',
    );
    expect((await app.core.signIn(await idOf(app.core, 'local-new'), { password: 'Brand-New-Pass-2' })).kind).toBe(
      'signed-in',
    );
  });

  it('SOFTWARE_TOKEN_MFA once the user enrolled an authenticator (AssociateSoftwareToken / VerifySoftwareToken with an access token)', async () => {
    const { accessToken } = await app.core.tokens(await idOf(app.core, 'local'));
    const { SecretCode } = (await local.call('AssociateSoftwareToken', { AccessToken: accessToken })) as {
      SecretCode: string;
    };
    await local.call('VerifySoftwareToken', { AccessToken: accessToken, UserCode: totpCode(SecretCode, Date.now()) });
    const step = await app.core.signIn(await idOf(app.core, 'local'), { password: PASSWORD });
    if (step.kind !== 'challenge') throw new Error('expected SOFTWARE_TOKEN_MFA');
    expect(step.prompt.name).toBe('SOFTWARE_TOKEN_MFA');
    expect((await app.core.answerChallenge(step.conversationId, { code: totpCode(SecretCode, Date.now()) })).kind).toBe(
      'signed-in',
    );
  });

  it('a pool cognito-local created itself (id local_...) is accepted with its endpoint: sign-in and refresh work', async () => {
    const { UserPool } = (await local.call('CreateUserPool', { PoolName: 'own-ids' })) as { UserPool: { Id: string } };
    expect(UserPool.Id).toMatch(/^local_/);
    const { UserPoolClient } = (await local.call('CreateUserPoolClient', {
      UserPoolId: UserPool.Id,
      ClientName: 'ctm',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    })) as { UserPoolClient: { ClientId: string } };
    await local.call('AdminCreateUser', {
      UserPoolId: UserPool.Id,
      Username: 'carol@example.com',
      MessageAction: 'SUPPRESS',
    });
    await local.call('AdminSetUserPassword', {
      UserPoolId: UserPool.Id,
      Username: 'carol@example.com',
      Password: PASSWORD,
      Permanent: true,
    });
    await app.core.addProfile({
      name: 'local-own',
      region: 'us-east-1',
      userPoolId: UserPool.Id,
      clientId: UserPoolClient.ClientId,
      username: 'carol@example.com',
      authFlow: 'USER_PASSWORD_AUTH',
      endpoint: local.endpoint,
    });
    expect((await app.core.signIn(await idOf(app.core, 'local-own'), { password: PASSWORD })).kind).toBe('signed-in');
    const before = await app.core.tokens(await idOf(app.core, 'local-own'));
    expect((await app.core.refreshNow(await idOf(app.core, 'local-own'))).accessToken).not.toBe(before.accessToken);
  });
});
