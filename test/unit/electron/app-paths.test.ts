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
});
