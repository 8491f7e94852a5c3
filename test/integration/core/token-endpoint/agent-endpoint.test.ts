import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Core } from '../../../../main/core/core.ts';
import { startAgentEndpoint, startAppEndpoint } from '../../../../main/core/token-endpoint/agent-endpoint.ts';
import { writeEndpointSettings } from '../../../../main/core/token-endpoint/endpoint-settings.ts';
import { MemorySecretStore } from '../../../support/fakes/memory-secret-store.ts';
import { freePort } from '../../../support/free-port.ts';
import { rawRequest } from '../../../support/token-endpoint/raw-http.ts';

const setup = async () => {
  const configDir = mkdtempSync(join(tmpdir(), 'ctm-agent-endpoint-'));
  const port = await freePort();
  await writeEndpointSettings(configDir, { port, allowedOrigins: [] });
  return { configDir, port, core: new Core({ configDir, secretStore: new MemorySecretStore() }) };
};

describe('the token endpoint beside a token agent (real sockets; the keychain in memory)', () => {
  it('never fails the agent: port 0 is off, a taken port and a broken settings file are reasons', async () => {
    const { configDir, port, core } = await setup();
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    expect(await startAgentEndpoint(core, configDir)).toMatchObject({
      portTaken: true,
      off: expect.stringMatching(/port is taken/) as unknown,
    });
    await new Promise<void>((resolve) => holder.close(() => resolve()));
    await writeEndpointSettings(configDir, { port: 0, allowedOrigins: [] });
    expect(await startAgentEndpoint(core, configDir)).toEqual({
      off: 'The token endpoint is off (port 0 in endpoint.json).',
    });
  });

  it('the app takes the port over once the program holding it lets go', async () => {
    const { configDir, port, core } = await setup();
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    const lines: string[] = [];
    const logger = { info: (m: string) => void lines.push(m), warn: () => undefined, error: () => undefined };
    const app = startAppEndpoint(core, configDir, logger, 50);
    try {
      for (let i = 0; i < 100 && lines.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lines).toEqual([expect.stringMatching(/port is taken/) as unknown]);
      await new Promise<void>((resolve) => holder.close(() => resolve()));
      for (let i = 0; i < 100 && lines.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lines[1]).toBe(`The app serves the token endpoint on http://127.0.0.1:${port}/oauth2/token.`);
      expect(
        (
          await rawRequest(port, {
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: 'grant_type=client_credentials',
          })
        ).status,
      ).toBe(401);
    } finally {
      await app.close();
    }
    await expect(rawRequest(port, { method: 'GET' })).rejects.toThrow(); // closed with the app
  });
});
