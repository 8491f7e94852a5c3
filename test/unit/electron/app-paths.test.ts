import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from '../../../main/electron/app-paths.ts';

describe('appPaths', () => {
  it('finds the built preload and page next to out/main', () => {
    const paths = appPaths('/app/out/main', 'linux');
    expect(paths.preload).toBe('/app/out/preload/index.cjs');
    expect(paths.page).toBe('/app/out/renderer/index.html');
  });

  it('uses a template image on macOS and a glyph that suits the panel elsewhere', () => {
    expect(appPaths('/app/out/main', 'darwin').trayIcons.ok).toBe('/app/out/icons/trayTemplate.png');
    expect(appPaths('/app/out/main', 'linux', false).trayIcons.ok).toBe('/app/out/icons/tray-light.png');
    expect(appPaths('/app/out/main', 'win32', true).trayIcons.ok).toBe('/app/out/icons/tray-dark.png');
    expect(appPaths('/app/out/main', 'linux').trayIcons.error).toBe('/app/out/icons/tray-error.png');
  });

  it('has a @2x file at twice the size beside every tray icon, which Electron picks on high-DPI screens', () => {
    // https://www.electronjs.org/docs/latest/api/native-image#high-resolution-image
    const width = (file: string): number => readFileSync(file).readUInt32BE(16); // the PNG IHDR width
    const icons = new Set(
      ['darwin', 'linux', 'win32'].flatMap((platform) =>
        [false, true].flatMap((dark) =>
          Object.values(appPaths(join(process.cwd(), 'build/main'), platform as NodeJS.Platform, dark).trayIcons),
        ),
      ),
    );
    expect(icons.size).toBe(5);
    for (const icon of icons) {
      const double = icon.replace(/\.png$/, '@2x.png');
      expect(existsSync(double), double).toBe(true);
      expect([width(icon), width(double)], icon).toEqual([16, 32]);
    }
  });
});
