import { join } from 'node:path';

/** Where the built pieces sit relative to out/main (this file is bundled into out/main/index.cjs). */
export function appPaths(mainDir: string): { preload: string; page: string; trayIcon: string; trayIcons: { ok: string; warning: string; error: string } } {
  const outDir = join(mainDir, '..');
  const icon = (name: string): string => join(outDir, 'icons', name);
  return {
    preload: join(outDir, 'preload', 'index.cjs'),
    page: join(outDir, 'renderer', 'index.html'),
    trayIcon: icon('tray.png'),
    trayIcons: { ok: icon('tray.png'), warning: icon('tray-warning.png'), error: icon('tray-error.png') },
  };
}
