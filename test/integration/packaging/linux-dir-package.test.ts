import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  listPackage(archive: string, options: { isPack: boolean }): string[];
  extractFile(archive: string, file: string): Buffer;
  statFile(archive: string, file: string): { unpacked?: boolean };
};
const baseConfig = require(join(root, 'build/electron-builder.config.cjs')) as Record<string, unknown>;

/**
 * A stand-in for the Electron distribution (the real one cannot be downloaded here): what electron-builder
 * copies from `electronDist` on Linux, that is an `electron` executable (renamed to the app's executable) and
 * a `resources` folder, which receives app.asar.
 */
function standInElectron(dir: string): string {
  const dist = join(dir, 'electron-dist');
  mkdirSync(join(dist, 'resources'), { recursive: true });
  writeFileSync(join(dist, 'electron'), '#!/bin/sh\necho "Electron stand-in"\n');
  chmodSync(join(dist, 'electron'), 0o755);
  writeFileSync(join(dist, 'LICENSE'), 'stand-in\n');
  return dist;
}

describe('electron-builder --linux dir, Electron stood in (fuses off for the stand-in: flipping them needs the real binary)', () => {
  let work: string;
  let appDir: string;
  let archive: string;
  let files: string[];
  let build: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    if (!existsSync(join(root, 'out/main/index.cjs'))) throw new Error('out/ is missing: run npm run build first (npm test does).');
    work = mkdtempSync(join(tmpdir(), 'ctm-package-'));
    const config = join(work, 'electron-builder.test.cjs');
    // The project's config, with only what the stand-in needs changed: its folder, no fuses, no rebuild (keytar is built), no download.
    writeFileSync(
      config,
      `const base = require(${JSON.stringify(join(root, 'build/electron-builder.config.cjs'))});
module.exports = { ...base, electronDist: ${JSON.stringify(standInElectron(work))}, electronVersion: '45.5.0', electronFuses: null, npmRebuild: false,
  directories: { ...base.directories, output: ${JSON.stringify(join(work, 'dist'))} } };\n`,
    );
    build = spawnSync(process.execPath, [join(root, 'node_modules/electron-builder/cli.js'), '--linux', 'dir', '--config', config], {
      cwd: root,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', CSC_IDENTITY_AUTO_DISCOVERY: 'false', ELECTRON_BUILDER_OFFLINE: '1' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    appDir = join(work, 'dist/linux-unpacked');
    archive = join(appDir, 'resources/app.asar');
    files = existsSync(archive) ? asar.listPackage(archive, { isPack: false }) : [];
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('packs without error into an app folder with the renamed executable and app.asar', () => {
    expect(build.status, String(build.stderr)).toBe(0);
    expect(existsSync(join(appDir, 'cognito-token-manager'))).toBe(true);
    expect(existsSync(archive)).toBe(true);
  });

  it('holds the built main, preload and renderer, and a package.json whose main exists in the archive', () => {
    expect(files).toEqual(expect.arrayContaining(['/out/main/index.cjs', '/out/main/cli.cjs', '/out/preload/index.cjs', '/out/renderer/index.html', '/out/renderer/app.js', '/package.json']));
    const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string };
    expect(files).toContain(`/${manifest.main.replace(/^\.\//, '')}`);
  });

  it('leaves out sources, tests, source maps and dev tooling', () => {
    const ours = files.filter((f) => !f.startsWith('/node_modules/'));
    expect(ours.filter((f) => /\.(ts|map)$/.test(f) || /^\/(main|renderer|test|build)\//.test(f))).toEqual([]);
    expect(files.filter((f) => /^\/node_modules\/(electron|electron-builder|vitest|typescript|esbuild|playwright-core)\//.test(f))).toEqual([]);
    // zod, jose and uqr are bundled into out/ (dev dependencies): keytar, a native module, is the only runtime one.
    expect(files.filter((f) => /^\/node_modules\/(zod|jose|uqr)\//.test(f))).toEqual([]);
  });

  it("unpacks keytar's native module beside the archive", () => {
    expect(existsSync(join(appDir, 'resources/app.asar.unpacked/node_modules/keytar/build/Release/keytar.node'))).toBe(true);
    expect(asar.statFile(archive, 'node_modules/keytar/build/Release/keytar.node').unpacked).toBe(true);
    expect(files).toContain('/node_modules/keytar/lib/keytar.js');
  });
});

describe('the electron-builder configuration for npm run dist', () => {
  it('targets AppImage + deb, dmg + zip with the hardened runtime, and NSIS, with resources in build/', () => {
    expect(baseConfig).toMatchObject({
      directories: { output: 'dist', buildResources: 'build' },
      linux: { target: ['AppImage', 'deb'], category: 'Development' },
      mac: { target: ['dmg', 'zip'], hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist' },
      win: { target: ['nsis'] },
    });
    expect((baseConfig.deb as { depends: string[] }).depends).toContain('libsecret-1-0');
    for (const resource of ['build/entitlements.mac.plist', 'build/icon.icns', 'build/icon.ico', 'build/icons-linux/512x512.png']) expect(existsSync(join(root, resource)), resource).toBe(true);
  });

  it('flips the hardening fuses after packing', () => {
    expect(baseConfig.electronFuses).toEqual(
      expect.objectContaining({
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        onlyLoadAppFromAsar: true,
        enableEmbeddedAsarIntegrityValidation: true,
        enableCookieEncryption: true,
      }),
    );
  });
});
