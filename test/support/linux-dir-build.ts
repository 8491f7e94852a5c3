import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();

/**
 * `electron-builder --linux dir` with the project's configuration and a stand-in Electron distribution (the real one
 * cannot be downloaded here): an `electron` executable, which `binary` is, and a resources folder. Fuses are off
 * (flipping them needs the real binary), nothing is rebuilt or downloaded. Answers the unpacked app folder.
 */
export function buildLinuxDir(work: string, binary: string): { appDir: string; status: number | null; stderr: string } {
  if (!existsSync(join(root, 'out/main/index.cjs')))
    throw new Error('out/ is missing: run npm run build first (npm test does).');
  const dist = join(work, 'electron-dist');
  mkdirSync(join(dist, 'resources'), { recursive: true });
  writeFileSync(join(dist, 'electron'), binary);
  chmodSync(join(dist, 'electron'), 0o755);
  writeFileSync(join(dist, 'LICENSE'), 'stand-in\n');
  const config = join(work, 'electron-builder.test.cjs');
  writeFileSync(
    config,
    `const base = require(${JSON.stringify(join(root, 'build/electron-builder.config.cjs'))});
module.exports = { ...base, electronDist: ${JSON.stringify(dist)}, electronVersion: '45.5.0', electronFuses: null, npmRebuild: false,
  directories: { ...base.directories, output: ${JSON.stringify(join(work, 'dist'))} } };\n`,
  );
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/electron-builder/cli.js'), '--linux', 'dir', '--config', config],
    {
      cwd: root,
      env: {
        ...process.env,
        ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
        ELECTRON_BUILDER_OFFLINE: '1',
      },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  return { appDir: join(work, 'dist/linux-unpacked'), status: build.status, stderr: build.stderr };
}
