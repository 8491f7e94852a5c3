import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

describe('emulator CLI', () => {
  it('prints one JSON line with the endpoint, serves requests, takes faults over HTTP and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        '--experimental-strip-types',
        '--no-warnings',
        'test/support/emulator/cli.ts',
        '--port',
        '0',
        '--seed',
        'test/support/seeds/emulator-basic.json',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const lines = createInterface({ input: child.stdout });
    const [first] = (await once(lines, 'line')) as [string];
    const { endpoint } = JSON.parse(first) as { endpoint: string };
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: 'publicclient1',
        AuthParameters: { USERNAME: 'alice', PASSWORD: 'Correct-Horse-1' },
      }),
    });
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(response.status).toBe(200);
    const fault = await fetch(`${endpoint}__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ action: 'fail', op: '*', status: 503, times: 1 }),
    });
    expect(fault.status).toBe(200);
    const faulted = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.RevokeToken',
      },
      body: '{}',
    });
    expect(faulted.status).toBe(503);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});
