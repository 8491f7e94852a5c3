import { join } from 'node:path';

/** Where the built pieces sit relative to out/main (this file is bundled into out/main/index.cjs). */
export function appPaths(
  mainDir: string,
  platform: NodeJS.Platform = process.platform,
  darkPanel = false,
): { preload: string; page: string; trayIcon: string; trayIcons: { ok: string; warning: string; error: string } } {
  const outDir = join(mainDir, '..');
  const icon = (name: string): string => join(outDir, 'icons', name);
  // "All fresh" is the quiet glyph: a template image on macOS (the menu bar tints it), else one that suits the panel.
  const ok = platform === 'darwin' ? icon('trayTemplate.png') : icon(darkPanel ? 'tray-dark.png' : 'tray-light.png');
  return {
    preload: join(outDir, 'preload', 'index.cjs'),
    page: join(outDir, 'renderer', 'index.html'),
    trayIcon: ok,
    trayIcons: { ok, warning: icon('tray-warning.png'), error: icon('tray-error.png') },
  };
}
