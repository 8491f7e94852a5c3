import type { MenuItemConstructorOptions } from 'electron';
import { trayClickShowsWindow } from './tray-click.ts';
import { TrayController, type TrayIcon } from './tray-controller.ts';
import type { TrayAction, TrayHealth } from './tray-menu.ts';

/** Electron's Tray class as the app uses it: an icon whose 'click' can be heard. */
export type TrayClass<M> = new (image: string) => TrayIcon<M> & { on(event: 'click', listener: () => void): unknown };

/** What the tray needs: Electron's Tray, Menu builder and nativeTheme, the platform, its icons and what its items do. */
export interface AppTrayParts<M> {
  Tray: TrayClass<M>;
  buildMenu: (template: MenuItemConstructorOptions[]) => M;
  nativeTheme: { on(event: 'updated', listener: () => void): unknown };
  platform: NodeJS.Platform;
  /** The icon files by health for the panel's theme as it is now (read again when the theme changes). */
  icons: () => Record<TrayHealth, string>;
  showWindow: () => void;
  run: (action: TrayAction) => void;
}

/**
 * Puts the app's icon in the tray. A click on it shows the window only where it does not also open the menu
 * (trayClickShowsWindow); the glyph follows the panel's theme as it changes (Windows taskbar: the system theme).
 */
export function startTray<M>(parts: AppTrayParts<M>): TrayController<M> {
  const icons = parts.icons();
  const tray = new parts.Tray(icons.ok);
  if (trayClickShowsWindow(parts.platform)) tray.on('click', () => parts.showWindow());
  const controller = new TrayController<M>({ tray, buildMenu: parts.buildMenu, icons, run: parts.run });
  parts.nativeTheme.on('updated', () => controller.setIcons(parts.icons()));
  return controller;
}
