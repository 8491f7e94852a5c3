import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
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
  // It prints its arguments and exits 7, so a test can see what a launcher passed and that the exit code comes back.
  writeFileSync(join(dist, 'electron'), '#!/bin/sh\nprintf "arg:%s\\n" "$@"\nexit 7\n');
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
    if (!existsSync(join(root, 'out/main/index.cjs')))
      throw new Error('out/ is missing: run npm run build first (npm test does).');
    work = mkdtempSync(join(tmpdir(), 'ctm-package-'));
    const config = join(work, 'electron-builder.test.cjs');
    // The project's config, with only what the stand-in needs changed: its folder, no fuses, no rebuild (keytar is built), no download.
    writeFileSync(
      config,
      `const base = require(${JSON.stringify(join(root, 'build/electron-builder.config.cjs'))});
module.exports = { ...base, electronDist: ${JSON.stringify(standInElectron(work))}, electronVersion: '45.5.0', electronFuses: null, npmRebuild: false,
  directories: { ...base.directories, output: ${JSON.stringify(join(work, 'dist'))} } };\n`,
    );
    build = spawnSync(
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
    expect(files).toEqual(
      expect.arrayContaining([
        '/out/main/index.cjs',
        '/out/main/cli.cjs',
        '/out/preload/index.cjs',
        '/out/renderer/index.html',
        '/out/renderer/app.js',
        '/package.json',
      ]),
    );
    const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string };
    // The project's package.json names no main (it would go into the npm package): electron-builder's extraMetadata does.
    expect(manifest.main).toBe('out/main/index.cjs');
    expect(files).toContain(`/${manifest.main.replace(/^\.\//, '')}`);
    // npm start opens out/ (the build's out/package.json) onto the same bundle, under the same names.
    const dev = JSON.parse(readFileSync(join(root, 'out/package.json'), 'utf8')) as Record<string, string>;
    expect(join('out', dev.main ?? '')).toBe(manifest.main);
    expect(dev).toMatchObject({ productName: 'Cognito Token Manager', desktopName: 'cognito-token-manager.desktop' });
  });

  it('leaves out sources, tests, source maps and dev tooling', () => {
    const ours = files.filter((f) => !f.startsWith('/node_modules/'));
    expect(ours.filter((f) => /\.(ts|map)$/.test(f) || /^\/(main|renderer|test|build)\//.test(f))).toEqual([]);
    expect(
      files.filter((f) =>
        /^\/node_modules\/(electron|electron-builder|vitest|typescript|esbuild|playwright-core)\//.test(f),
      ),
    ).toEqual([]);
    // zod, jose and uqr are bundled into out/main: keytar is the only runtime dependency the archive carries.
    expect(files.filter((f) => /^\/node_modules\/(zod|jose|uqr)\//.test(f))).toEqual([]);
    expect(files).toContain('/node_modules/keytar/package.json');
  });

  it('puts the ctm launchers in resources/bin, outside the archive, the Unix one executable', () => {
    expect(statSync(join(appDir, 'resources/bin/ctm')).mode & 0o111).toBe(0o111);
    expect(existsSync(join(appDir, 'resources/bin/ctm.cmd'))).toBe(true);
  });

  it('ctm through a link elsewhere (as /usr/bin/ctm) runs the app binary headless in CLI mode with every argument after --, and returns its exit code', () => {
    const link = join(work, 'usr-bin', 'ctm');
    mkdirSync(join(work, 'usr-bin'));
    symlinkSync(join(appDir, 'resources/bin/ctm'), link);
    const run = spawnSync(link, ['token', 'my dev', '--no-sandbox'], { encoding: 'utf8' });
    // Headless on Linux: no display needed (Electron would abort with "Missing X server or $DISPLAY").
    expect(run.stdout.trim().split('\n')).toEqual([
      'arg:--ozone-platform=headless',
      'arg:--ctm-cli',
      'arg:--',
      'arg:token',
      'arg:my dev',
      'arg:--no-sandbox',
    ]);
    expect(run.status).toBe(7);
  });

  it("unpacks keytar's native module beside the archive", () => {
    expect(existsSync(join(appDir, 'resources/app.asar.unpacked/node_modules/keytar/build/Release/keytar.node'))).toBe(
      true,
    );
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
    for (const resource of [
      'build/entitlements.mac.plist',
      'build/icon.icns',
      'build/icon.ico',
      'build/icons-linux/512x512.png',
    ])
      expect(existsSync(join(root, resource)), resource).toBe(true);
  });

  it("puts ctm on PATH: the deb links /usr/bin/ctm on install (after electron-builder's own steps, AppArmor included) and unlinks it on removal", () => {
    const deb = baseConfig.deb as { afterInstall: string; afterRemove: string };
    const install = readFileSync(join(root, deb.afterInstall), 'utf8');
    const remove = readFileSync(join(root, deb.afterRemove), 'utf8');
    const templates = join(root, 'node_modules/app-builder-lib/templates/linux');
    // A custom script replaces electron-builder's: it must still do everything the default one does.
    for (const [ours, theirs] of [
      [install, 'after-install.tpl'],
      [remove, 'after-remove.tpl'],
    ] as const) {
      const missing = readFileSync(join(templates, theirs), 'utf8')
        .split('\n')
        .filter((line) => line.trim() && !line.trim().startsWith('#') && !ours.includes(line));
      expect(missing, theirs).toEqual([]);
    }
    // electron-builder fills ${name} macros in these scripts and fails the build on one it does not know (FpmTarget's writeConfigFile).
    expect(
      [...`${install}${remove}`.matchAll(/\$\{([a-zA-Z]+)\}/g)]
        .map((m) => m[1])
        .filter((name) => !['executable', 'sanitizedProductName', 'productFilename'].includes(name ?? '')),
    ).toEqual([]);
    expect(install).toContain("ln -sfn '/opt/${sanitizedProductName}/resources/bin/ctm' '/usr/bin/ctm'");
    expect(remove).toMatch(/readlink \/usr\/bin\/ctm[\s\S]*rm -f '\/usr\/bin\/ctm'/);
    expect(baseConfig.extraResources).toEqual([{ from: 'build/bin', to: 'bin', filter: ['ctm', 'ctm.cmd'] }]);
  });

  it('puts ctm on PATH on Windows: the NSIS include adds <install dir>\\resources\\bin to the user PATH and removes it on uninstall; ctm.cmd runs the installed exe', () => {
    const nsis = baseConfig.nsis as { include: string };
    const include = readFileSync(join(root, nsis.include), 'utf8');
    // The PATH edit itself is checked in test/unit/build/installer-nsh.test.ts.
    expect(include).toMatch(/\$INSTDIR\\resources\\bin/);
    expect(include).toMatch(/!macro customInstall[\s\S]*!macroend/);
    expect(include).toMatch(/!macro customUnInstall[\s\S]*!macroend/);
    const cmd = readFileSync(join(root, 'build/bin/ctm.cmd'), 'utf8');
    expect(cmd).toContain(`%~dp0..\\..\\${String(baseConfig.productName)}.exe`);
    expect(cmd).toContain('--ctm-cli -- %*');
    expect(cmd).toMatch(/\r\n/);
  });

  it('finds the macOS binary from the launcher (Contents/Resources/bin -> Contents/MacOS/<productName>); the app menu links it into /usr/local/bin', () => {
    expect(readFileSync(join(root, 'build/bin/ctm'), 'utf8')).toContain(
      `$resources/../MacOS/${String(baseConfig.productName)}`,
    );
    // The menu item hands installCliFromMenu (tested in test/integration/electron/install-cli.test.ts) this launcher.
    expect(readFileSync(join(root, 'main/index.ts'), 'utf8')).toMatch(
      /installCliFromMenu\([^;]*join\(process\.resourcesPath, 'bin', 'ctm'\)\)/,
    );
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
        // An unsigned Apple Silicon build is killed at launch unless its ad-hoc signature is redone after the flip.
        resetAdHocDarwinSignature: true,
      }),
    );
  });
});
