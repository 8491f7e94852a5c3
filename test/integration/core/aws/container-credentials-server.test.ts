import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { AwsCredentials } from '../../../../main/core/aws/aws-credentials.ts';
import {
  startContainerCredentialsServer,
  type ContainerCredentialsServer,
} from '../../../../main/core/aws/container-credentials-server.ts';

const credentials = (n: number): AwsCredentials => ({
  accessKeyId: `ASIAEXAMPLE${n}`,
  secretAccessKey: `secret-${n}`,
  sessionToken: `token-${n}`,
  expiresAt: Date.UTC(2026, 11, 7, 8, n),
  issuedAt: 0,
  identityId: 'us-east-1:x',
  region: 'us-east-1',
});

function get(url: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let server: ContainerCredentialsServer | undefined;
afterEach(async () => server?.close());

describe('the container credentials endpoint of ctm exec --aws-server', () => {
  it('answers the AWS container credentials JSON, asking for the credentials on every request (so they renew)', async () => {
    let calls = 0;
    server = await startContainerCredentialsServer(() => Promise.resolve(credentials(++calls)));
    const uri = server.env.AWS_CONTAINER_CREDENTIALS_FULL_URI ?? '';
    expect(uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const auth = { authorization: server.env.AWS_CONTAINER_AUTHORIZATION_TOKEN ?? '' };
    expect(JSON.parse((await get(uri, auth)).body)).toEqual({
      AccessKeyId: 'ASIAEXAMPLE1',
      SecretAccessKey: 'secret-1',
      Token: 'token-1',
      Expiration: '2026-12-07T08:01:00.000Z',
    });
    expect(JSON.parse((await get(uri, auth)).body).AccessKeyId).toBe('ASIAEXAMPLE2');
  });

  it('refuses a missing token, a wrong one, one of the wrong length, a foreign Host (DNS rebinding) and a POST, with no credential in the answer', async () => {
    server = await startContainerCredentialsServer(() => Promise.resolve(credentials(1)));
    const uri = server.env.AWS_CONTAINER_CREDENTIALS_FULL_URI ?? '';
    const token = server.env.AWS_CONTAINER_AUTHORIZATION_TOKEN ?? '';
    const answers = [
      await get(uri, {}),
      await get(uri, { authorization: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` }),
      await get(uri, { authorization: `${token}x` }),
      await get(uri, { authorization: token, host: `attacker.example:${new URL(uri).port}` }),
      await get(uri, { authorization: token, host: `localhost:${new URL(uri).port}` }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(403);
      expect(answer.body).not.toContain('secret-1');
    }
    expect((await get(uri, { authorization: token }, 'POST')).status).toBe(405);
  });

  it('says why it has no credentials (a sign-in needed) with HTTP 500 and nothing secret', async () => {
    server = await startContainerCredentialsServer(() =>
      Promise.reject(new Error('Profile "dev" needs a sign-in. Run: ctm login dev')),
    );
    const answer = await get(server.env.AWS_CONTAINER_CREDENTIALS_FULL_URI ?? '', {
      authorization: server.env.AWS_CONTAINER_AUTHORIZATION_TOKEN ?? '',
    });
    expect(answer).toEqual({
      status: 500,
      body: JSON.stringify({ message: 'Profile "dev" needs a sign-in. Run: ctm login dev' }),
    });
  });
});
