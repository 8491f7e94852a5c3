import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolder } from '../../../../main/core/profiles/make-folder.ts';

describe('makeFolder (the config folder and its parents)', () => {
  it('makes missing parents, private to the user, and accepts a folder that exists', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ctm-folder-'));
    const deep = join(root, 'a', 'b', 'c');
    await makeFolder(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(statSync(deep).mode & 0o777).toBe(0o700);
    await expect(makeFolder(deep)).resolves.toBeUndefined();
  });

  it.runIf(process.platform === 'linux')(
    'fails at once with the path under /proc, where Node\u2019s recursive mkdir never returns',
    async () => {
      await expect(makeFolder('/proc/ctm-no-such/config')).rejects.toThrow(
        'Cannot create the folder /proc/ctm-no-such (ENOENT); set CTM_CONFIG_DIR to a folder you can write.',
      );
    },
  );
});
