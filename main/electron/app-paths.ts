import { join } from 'node:path';

/** Where the built pieces sit relative to out/main (this file is bundled into out/main/index.cjs). */
export function appPaths(mainDir: string): { preload: string; page: string; trayIcon: string } {
  const outDir = join(mainDir, '..');
  return {
    preload: join(outDir, 'preload', 'index.cjs'),
    page: join(outDir, 'renderer', 'index.html'),
    trayIcon: join(outDir, 'icons', 'tray.png'),
  };
}
