import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncOutput } from '../../../main/cli/sync-output.ts';

describe('syncOutput: the cached path writes straight to its file descriptors', () => {
  it('writes all of a large text (UTF-8) at once, and says a file is not a terminal', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ctm-sync-output-'));
    const fd = openSync(join(folder, 'out'), 'w');
    try {
      const text = `${'é'.repeat(100_000)}\n`;
      const out = syncOutput(fd);
      expect(out.write(text)).toBe(true);
      expect(out.isTTY).toBe(false);
      closeSync(fd);
      expect(readFileSync(join(folder, 'out'), 'utf8')).toBe(text);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('ends quietly when the reader has gone (EPIPE), as in ctm token | head -c 5', () => {
    const script = `const { syncOutput } = await import(${JSON.stringify(join(process.cwd(), 'main/cli/sync-output.ts'))});
      await new Promise((r) => setTimeout(r, 300));
      const ok = syncOutput(1).write('x'.repeat(1 << 20));
      process.stderr.write(String(ok));`;
    const run = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" --no-warnings --input-type=module -e '${script.replace(/'/g, "'\\''")}' | head -c 5 >/dev/null`,
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('false');
  });
});
