import { describe, expect, it } from 'vitest';
import { CognitoClient } from '../../../../main/core/cognito/cognito-client.ts';
import { CognitoNetworkError, CognitoServiceError } from '../../../../main/core/cognito/cognito-errors.ts';
import type { CognitoTransport } from '../../../../main/core/cognito/transport.ts';

/** A scripted transport (fake network): the integration tests use real HTTP to the emulator. */
function scripted(
  status: number,
  body: string,
  seen: { headers?: Record<string, string>; body?: string } = {},
): CognitoTransport {
  return {
    post: async (_url, headers, requestBody) => {
      seen.headers = headers;
      seen.body = requestBody;
      return { status, body };
    },
  };
}

describe('CognitoClient (fake transport)', () => {
  it('sends JSON 1.1 with the operation in X-Amz-Target', async () => {
    const seen: { headers?: Record<string, string>; body?: string } = {};
    const client = new CognitoClient(scripted(200, '{"Session":"s"}', seen), 'http://x/');
    const answer = await client.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'c' });
    expect(answer.Session).toBe('s');
    expect(seen.headers?.['X-Amz-Target']).toBe('AWSCognitoIdentityProviderService.InitiateAuth');
    expect(seen.headers?.['Content-Type']).toBe('application/x-amz-json-1.1');
    expect(JSON.parse(seen.body ?? '')).toEqual({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'c' });
  });

  it('turns {"__type","message"} into a typed error, stripping the prefix', async () => {
    const client = new CognitoClient(
      scripted(400, '{"__type":"com.amazon#NotAuthorizedException","message":"Incorrect username or password."}'),
      'http://x/',
    );
    const error = await client
      .call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'c' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CognitoServiceError);
    expect((error as CognitoServiceError).type).toBe('NotAuthorizedException');
    expect((error as CognitoServiceError).transient).toBe(false);
    expect((error as Error).message).toContain('Check the username and password');
  });

  it('marks throttling and 5xx as transient', async () => {
    const throttled = await new CognitoClient(
      scripted(400, '{"__type":"TooManyRequestsException","message":"Rate exceeded"}'),
      'http://x/',
    )
      .call('RevokeToken', { Token: 't', ClientId: 'c' })
      .catch((e: unknown) => e);
    expect((throttled as CognitoServiceError).transient).toBe(true);
    const broken = await new CognitoClient(scripted(503, 'Service Unavailable'), 'http://x/')
      .call('RevokeToken', { Token: 't', ClientId: 'c' })
      .catch((e: unknown) => e);
    expect((broken as CognitoServiceError).transient).toBe(true);
  });

  it('reports an unreachable endpoint as a network error naming the endpoint', async () => {
    const failing: CognitoTransport = {
      post: async () => {
        throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
      },
    };
    const error = await new CognitoClient(failing, 'http://127.0.0.1:9/')
      .call('RevokeToken', { Token: 't', ClientId: 'c' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CognitoNetworkError);
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect((error as Error).message).toContain('http://127.0.0.1:9/');
  });

  it('refuses a non-JSON 4xx answer as not Cognito', async () => {
    const error = await new CognitoClient(scripted(404, '<html>'), 'http://x/')
      .call('RevokeToken', { Token: 't', ClientId: 'c' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CognitoNetworkError);
  });
});
