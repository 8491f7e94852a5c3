import { idOf } from '../../support/profile-ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { secretHashFor, totpCode, type RecordedRequest } from '../../support/emulator/index.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { flowsSeed, mainPool, PASSWORD, SECRET, TOTP_SECRET } from './flows-seed.ts';

const ENVELOPE = {
  ClientMetadata: { team: 'blue', purpose: 'test' },
  AnalyticsMetadata: { AnalyticsEndpointId: 'endpoint-123' },
  UserContextData: { EncodedData: 'encoded-context-data' },
};
const PROFILE_EXTRAS = {
  clientMetadata: ENVELOPE.ClientMetadata,
  analyticsEndpointId: 'endpoint-123',
  userContextData: 'encoded-context-data',
};

function parametersOf(request: RecordedRequest | undefined): Record<string, string> {
  return (request?.body.AuthParameters ?? request?.body.ChallengeResponses ?? {}) as Record<string, string>;
}

describe.skipIf(!HAS_KEYRING)('every parameter reaches the wire, as the emulator received it (real keyring)', () => {
  let app: AppFixture;
  const since = (from: number) => app.emulator.requests.slice(from);
  beforeAll(async () => {
    app = await startAppFixture(flowsSeed());
  });
  afterAll(async () => app?.close());

  it('USER_SRP_AUTH + SOFTWARE_TOKEN_MFA, confidential: USERNAME, SRP_A, SECRET_HASH, the SRP proof and the code, with metadata on every request', async () => {
    await app.core.addProfile(
      mainPool(app.emulator.endpoint, {
        name: 'wired',
        clientId: 'secretclient1',
        username: 'totpuser',
        ...PROFILE_EXTRAS,
      }),
      SECRET,
    );
    const from = app.emulator.requests.length;
    const step = await app.core.signIn(await idOf(app.core, 'wired'), { password: PASSWORD });
    if (step.kind !== 'challenge') throw new Error('expected the TOTP challenge');
    await app.core.answerChallenge(step.conversationId, { code: totpCode(TOTP_SECRET, app.emulator.now()) });
    const [initiate, verifier, mfa] = since(from);
    expect(initiate?.body).toMatchObject({ AuthFlow: 'USER_SRP_AUTH', ClientId: 'secretclient1', ...ENVELOPE });
    expect(parametersOf(initiate)).toEqual({
      USERNAME: 'totpuser',
      SRP_A: expect.stringMatching(/^[0-9a-f]{256,}$/),
      SECRET_HASH: secretHashFor(SECRET, 'totpuser', 'secretclient1'),
    });
    expect(verifier?.body).toMatchObject({
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: expect.any(String),
      ...ENVELOPE,
    });
    expect(Object.keys(parametersOf(verifier)).sort()).toEqual([
      'PASSWORD_CLAIM_SECRET_BLOCK',
      'PASSWORD_CLAIM_SIGNATURE',
      'SECRET_HASH',
      'TIMESTAMP',
      'USERNAME',
    ]);
    expect(mfa?.body).toMatchObject({ ChallengeName: 'SOFTWARE_TOKEN_MFA', ...ENVELOPE });
    expect(parametersOf(mfa)).toMatchObject({
      USERNAME: 'totpuser',
      SOFTWARE_TOKEN_MFA_CODE: expect.stringMatching(/^\d{6}$/),
      SECRET_HASH: expect.any(String),
    });
  });

  it('USER_PASSWORD_AUTH: PASSWORD, and the refresh forced to REFRESH_TOKEN_AUTH: REFRESH_TOKEN and SECRET_HASH with the same metadata', async () => {
    await app.core.addProfile(
      mainPool(app.emulator.endpoint, {
        name: 'plain',
        clientId: 'secretclient1',
        username: 'alice',
        authFlow: 'USER_PASSWORD_AUTH',
        refreshMethod: 'REFRESH_TOKEN_AUTH',
        ...PROFILE_EXTRAS,
      }),
      SECRET,
    );
    const from = app.emulator.requests.length;
    await app.core.signIn(await idOf(app.core, 'plain'), { password: PASSWORD });
    await app.core.refreshNow(await idOf(app.core, 'plain'));
    const [initiate, refresh] = since(from);
    expect(initiate?.body).toMatchObject({ AuthFlow: 'USER_PASSWORD_AUTH', ...ENVELOPE });
    expect(parametersOf(initiate)).toEqual({
      USERNAME: 'alice',
      PASSWORD,
      SECRET_HASH: secretHashFor(SECRET, 'alice', 'secretclient1'),
    });
    expect(refresh?.body).toMatchObject({ AuthFlow: 'REFRESH_TOKEN_AUTH', ...ENVELOPE });
    expect(parametersOf(refresh)).toEqual({
      REFRESH_TOKEN: expect.any(String),
      SECRET_HASH: secretHashFor(SECRET, 'alice', 'secretclient1'),
    });
  });

  it('a remembered device: DEVICE_KEY in AuthParameters, in the PASSWORD_VERIFIER and device answers, and on refresh', async () => {
    await app.core.addProfile(
      {
        name: 'device',
        region: 'eu-west-1',
        userPoolId: 'eu-west-1_Devices1',
        clientId: 'devicesecret1',
        username: 'dave',
        endpoint: app.emulator.endpoint,
        refreshMethod: 'REFRESH_TOKEN_AUTH',
        ...PROFILE_EXTRAS,
      },
      SECRET,
    );
    await app.core.signIn(await idOf(app.core, 'device'), { password: PASSWORD });
    const deviceKey = (await app.vault.devices.get('eu-west-1_Devices1', 'dave'))?.deviceKey;
    expect(deviceKey).toMatch(/^eu-west-1_/);
    const from = app.emulator.requests.length;
    await app.core.signIn(await idOf(app.core, 'device'), { password: PASSWORD });
    await app.core.refreshNow(await idOf(app.core, 'device'));
    const [initiate, verifier, deviceSrp, devicePassword, refresh] = since(from);
    expect(parametersOf(initiate)).toMatchObject({
      USERNAME: 'dave',
      DEVICE_KEY: deviceKey,
      SECRET_HASH: expect.any(String),
    });
    expect(parametersOf(verifier)).toMatchObject({ DEVICE_KEY: deviceKey });
    expect(deviceSrp?.body).toMatchObject({ ChallengeName: 'DEVICE_SRP_AUTH', ...ENVELOPE });
    expect(parametersOf(deviceSrp)).toEqual({
      USERNAME: 'dave',
      DEVICE_KEY: deviceKey,
      SRP_A: expect.any(String),
      SECRET_HASH: secretHashFor(SECRET, 'dave', 'devicesecret1'),
    });
    expect(devicePassword?.body).toMatchObject({ ChallengeName: 'DEVICE_PASSWORD_VERIFIER', ...ENVELOPE });
    expect(parametersOf(devicePassword)).toMatchObject({
      DEVICE_KEY: deviceKey,
      PASSWORD_CLAIM_SIGNATURE: expect.any(String),
      TIMESTAMP: expect.stringMatching(/ UTC \d{4}$/),
    });
    expect(parametersOf(refresh)).toMatchObject({
      REFRESH_TOKEN: expect.any(String),
      DEVICE_KEY: deviceKey,
      SECRET_HASH: expect.any(String),
    });
  });

  it('GetTokensFromRefreshToken: ClientSecret, DeviceKey and ClientMetadata', async () => {
    await app.core.updateProfile(await idOf(app.core, 'device'), { refreshMethod: 'GetTokensFromRefreshToken' });
    const from = app.emulator.requests.length;
    await app.core.refreshNow(await idOf(app.core, 'device'));
    const [refresh] = since(from);
    expect(refresh?.operation).toBe('GetTokensFromRefreshToken');
    expect(refresh?.body).toEqual({
      RefreshToken: expect.any(String),
      ClientId: 'devicesecret1',
      ClientSecret: SECRET,
      DeviceKey: expect.stringMatching(/^eu-west-1_/),
      ClientMetadata: ENVELOPE.ClientMetadata,
    });
  });
});
