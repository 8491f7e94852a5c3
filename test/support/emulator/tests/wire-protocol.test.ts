import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { call, start } from './emulator-test-kit.ts';

describe('emulator wire protocol', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start();
  });
  afterAll(() => emulator.close());

  it('answers JSON 1.1 with an endpoint that ends in a slash', async () => {
    const answer = await call(emulator, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'nope' });
    expect(emulator.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(answer.headers.get('content-type')).toBe('application/x-amz-json-1.1');
  });

  it('refuses an unknown target with UnknownOperationException', async () => {
    const answer = await call(emulator, 'FlyToTheMoon', {});
    expect(answer.status).toBe(400);
    expect(answer.body.__type).toBe('com.amazon.coral.service#UnknownOperationException');
  });

  it('refuses a body that is not JSON with SerializationException', async () => {
    const response = await fetch(emulator.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { __type: string }).__type).toBe('SerializationException');
  });

  it('refuses a request without the JSON 1.1 content type', async () => {
    const response = await fetch(emulator.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { __type: string }).__type).toBe('SerializationException');
  });

  it('serves the pool key as JWKS under the pool id', async () => {
    const response = await fetch(`${emulator.endpoint}us-east-1_Example1/.well-known/jwks.json`);
    const jwks = (await response.json()) as { keys: Record<string, string>[] };
    expect(response.status).toBe(200);
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ alg: 'RS256', use: 'sig', kty: 'RSA', e: 'AQAB' });
    expect(jwks.keys[0]?.kid).toBeTruthy();
    expect(jwks.keys[0]?.n?.length).toBeGreaterThan(300);
  });

  it('answers 404 for the JWKS of an unknown pool', async () => {
    const response = await fetch(`${emulator.endpoint}us-east-1_Nope/.well-known/jwks.json`);
    expect(response.status).toBe(404);
  });

  it('records every request with operation, body, headers and emulator time', async () => {
    const before = emulator.requests.length;
    emulator.advanceClock(5_000);
    await call(emulator, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: 'publicclient1',
      AuthParameters: { USERNAME: 'alice', PASSWORD: 'x' },
      ClientMetadata: { app: 'ctm' },
      AnalyticsMetadata: { AnalyticsEndpointId: 'a1' },
      UserContextData: { EncodedData: 'e' },
    });
    const recorded = emulator.requests[before];
    expect(emulator.requests).toHaveLength(before + 1);
    expect(recorded?.operation).toBe('InitiateAuth');
    expect(recorded?.body).toMatchObject({
      ClientMetadata: { app: 'ctm' },
      AnalyticsMetadata: { AnalyticsEndpointId: 'a1' },
      UserContextData: { EncodedData: 'e' },
    });
    expect(recorded?.headers['x-amz-target']).toBe('AWSCognitoIdentityProviderService.InitiateAuth');
    expect(Math.abs((recorded?.at ?? 0) - emulator.now())).toBeLessThan(2_000);
  });

  it('names a missing ClientId the way Cognito validates members', async () => {
    const answer = await call(emulator, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH' });
    expect(answer.body).toMatchObject({ __type: 'InvalidParameterException' });
    expect(String(answer.body.message)).toContain("'clientId'");
  });

  it('refuses an AuthFlow outside the enum and the admin-only flows', async () => {
    const bogus = await call(emulator, 'InitiateAuth', { AuthFlow: 'MAGIC', ClientId: 'publicclient1' });
    const admin = await call(emulator, 'InitiateAuth', {
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      ClientId: 'publicclient1',
    });
    expect(bogus.body.__type).toBe('InvalidParameterException');
    expect(admin.body).toEqual({ __type: 'InvalidParameterException', message: 'Initiate Auth method not supported.' });
  });

  it('answers ResourceNotFoundException for an unknown client', async () => {
    const answer = await call(emulator, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: 'ghost',
      AuthParameters: {},
    });
    expect(answer.body).toEqual({ __type: 'ResourceNotFoundException', message: 'Client ghost does not exist.' });
  });
});
