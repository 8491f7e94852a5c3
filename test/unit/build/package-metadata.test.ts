import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  homepage?: string;
  author?: { name?: string; email?: string };
  desktopName?: string;
};
type Target = { artifactName?: string; depends?: string[]; recommends?: string[] };
const config = createRequire(import.meta.url)(join(root, 'build/electron-builder.config.cjs')) as {
  productName: string;
  artifactName?: string;
  linux: { executableName: string; syncDesktopName?: boolean };
  deb: Target;
  nsis: Target;
  dmg: Target;
};

/** electron-builder's macro expansion of an artifact name, for the values that vary per build. */
const expand = (pattern: string, ext: string): string =>
  pattern.replace(
    /\$\{(\w+)\}/g,
    (_, macro: string) =>
      ({
        name: manifest.name,
        productName: config.productName,
        version: manifest.version,
        arch: 'x64',
        os: 'linux',
        ext,
      })[macro] ?? `<${macro}>`,
  );

describe('package metadata electron-builder 26 needs for the Linux packages', () => {
  it('a homepage and an author with an e-mail (FpmTarget: "Please specify project homepage", author email)', () => {
    expect(manifest.homepage).toMatch(/^https:\/\/\S+$/);
    expect(manifest.author?.name).toBeTruthy();
    expect(manifest.author?.email).toMatch(/^\S+@\S+$/);
  });

  it('desktopName matches the installed .desktop file, which Electron makes the Wayland app id / WM_CLASS (lib/browser/init.ts)', () => {
    expect(manifest.desktopName).toBe(`${config.linux.executableName}.desktop`);
    expect(config.linux.syncDesktopName).toBe(true);
  });

  it('artifact names without spaces (the product name has them): top level, deb, dmg and the NSIS installer', () => {
    for (const [target, pattern, ext] of [
      ['default', config.artifactName, 'AppImage'],
      ['deb', config.deb.artifactName, 'deb'],
      ['dmg', config.dmg.artifactName, 'dmg'],
      ['nsis', config.nsis.artifactName, 'exe'],
    ] as const) {
      expect(pattern, target).toBeDefined();
      const name = expand(pattern ?? '', ext);
      expect(name, target).not.toMatch(/\s|<\w+>/);
      expect(name, target).toContain(manifest.version);
    }
  });

  it("the deb's dependencies: electron-builder's defaults plus what Electron 45 links (a set list replaces the defaults), gnome-keyring recommended", () => {
    const depends = config.deb.depends ?? [];
    for (const library of [
      'libgbm1',
      'libasound2t64 | libasound2',
      'libdrm2',
      'libxkbcommon0',
      'libnss3',
      'libnotify4',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libuuid1',
      'libsecret-1-0',
    ])
      expect(depends, library).toContain(library);
    expect(config.deb.recommends).toContain('gnome-keyring');
  });
});
