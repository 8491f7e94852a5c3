import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The cached `ctm token` path starts fast only while its bundle stays small: this pins what it may pull in.
describe('the cli-fast bundle (cached ctm token)', () => {
  it('holds no validator, parser, Cognito client, sign-in, scheduler or other command', async () => {
    const result = await build({
      entryPoints: [join(process.cwd(), 'main/cli/fast-entry.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      external: ['electron', 'keytar'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((f) => f.startsWith('node_modules/'))).toEqual([]);
    // crash-point.ts (the vault's test hook for crash safety, a few lines) is the one module of scheduler/ it may use.
    expect(
      inputs.filter((f) =>
        /main\/core\/(auth|cognito|srp|scheduler\/(?!crash-point)|sessions|oauth)|main\/cli\/commands\/(?!token-request)|profile\.ts$|config-file|settings/.test(
          f,
        ),
      ),
    ).toEqual([]);
    expect(inputs).toContain('main/core/keychain/vault.ts');
  });

  it('loads no net, streams, child_process, crypto or keytar until a request needs them (the built out/main/cli-fast.cjs)', () => {
    // What requiring the bundle adds to Node's own list of loaded modules: what every ctm run pays before its first line.
    const probe = `const before = new Set(process.moduleLoadList); require(${JSON.stringify(join(process.cwd(), 'out/main/cli-fast.cjs'))});
      console.log(JSON.stringify({ modules: process.moduleLoadList.filter((m) => !before.has(m)), keytar: Object.keys(require.cache).some((f) => f.includes('keytar')) }));`;
    const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const loaded = JSON.parse(run.stdout) as { modules: string[]; keytar: boolean };
    expect(loaded.modules.filter((m) => /\b(net|stream|child_process|crypto|readline|tty|esm)\b/.test(m))).toEqual([]);
    expect(loaded.keytar).toBe(false);
  });
});
