import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ENDPOINT_PORT,
  readEndpointSettings,
  writeEndpointSettings,
} from '../../../../main/core/token-endpoint/endpoint-settings.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'ctm-endpoint-settings-'));

describe('endpoint.json: the endpoint port and allowed origins', () => {
  it('defaults without a file, and round-trips what is written', async () => {
    const dir = folder();
    expect(await readEndpointSettings(dir)).toEqual({ port: DEFAULT_ENDPOINT_PORT, allowedOrigins: [] });
    await writeEndpointSettings(dir, {
      port: 31000,
      allowedOrigins: ['https://hoppscotch.io', 'https://hoppscotch.io'],
    });
    expect(await readEndpointSettings(dir)).toEqual({ port: 31000, allowedOrigins: ['https://hoppscotch.io'] });
  });

  it('names the file and the field of a bad value, and writes nothing over it', async () => {
    const dir = folder();
    for (const [text, message] of [
      ['{', /not valid JSON/],
      ['{"port": 80}', /port: expected a number from 1024/],
      ['{"allowedOrigins": ["https://a.example/path"]}', /no path/],
    ] as const) {
      writeFileSync(join(dir, 'endpoint.json'), text);
      await expect(readEndpointSettings(dir)).rejects.toThrow(message);
      await expect(readEndpointSettings(dir)).rejects.toThrow(join(dir, 'endpoint.json'));
      await expect(writeEndpointSettings(dir, { port: 1, allowedOrigins: [] })).rejects.toThrow(/port/);
      expect(readFileSync(join(dir, 'endpoint.json'), 'utf8')).toBe(text);
    }
  });
});
