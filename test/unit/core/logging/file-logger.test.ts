import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileLogger, logFilePath } from '../../../../main/core/logging/file-logger.ts';

describe('FileLogger', () => {
  it('appends redacted JSON lines to logs/ctm.log in the config folder, private to the user', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctm-log-'));
    const logger = new FileLogger(dir, { now: () => Date.UTC(2026, 10, 26) });
    logger.info('tokens renewed', { profile: 'dev', refreshToken: 'rt-secret' });
    logger.warn('refresh failed: password=hunter2', { error: new Error('Bearer abc.def.ghi') });
    await logger.flush();
    const lines = readFileSync(logFilePath(dir), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({
      at: '2026-11-26T00:00:00.000Z',
      level: 'info',
      message: 'tokens renewed',
      profile: 'dev',
      refreshToken: '[redacted]',
    });
    expect(JSON.stringify(lines[1])).not.toMatch(/hunter2|abc\.def/);
    expect(statSync(logFilePath(dir)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'logs')).mode & 0o777).toBe(0o700);
  });
});
