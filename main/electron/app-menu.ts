import type { MenuItemConstructorOptions } from 'electron';

/** What the application menu needs to know: the platform, whether this is an installed build, and its own actions. */
export interface AppMenuOptions {
  platform: NodeJS.Platform;
  packaged: boolean;
  /** macOS only: puts the `ctm` command on PATH (as VS Code's "Install 'code' command in PATH"). */
  installCli?: () => void;
}

/**
 * The application menu, or null for none. On macOS an app menu plus Edit and Window menus by role: without an
 * Edit menu, Cmd+C / Cmd+V do nothing in the page's fields (https://www.electronjs.org/docs/latest/api/menu#examples).
 * Windows and Linux get no menu bar: Chromium handles Ctrl+C / Ctrl+V itself, and Electron's default menu would
 * ship Reload and Toggle Developer Tools. Only a development build gets a View menu with those two.
 */
export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] | null {
  const develop: MenuItemConstructorOptions[] = options.packaged
    ? []
    : [{ label: 'Develop', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] }];
  if (options.platform !== 'darwin') return develop.length > 0 ? develop : null;
  const install: MenuItemConstructorOptions[] = options.installCli
    ? [{ label: "Install 'ctm' Command in PATH\u2026", click: options.installCli }, { type: 'separator' }]
    : [];
  return [
    {
      role: 'appMenu',
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        ...install,
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'windowMenu' },
    ...develop,
  ];
}
