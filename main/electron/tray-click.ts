/**
 * Whether a click on the tray icon should show the window. Only on Windows, where a left click emits 'click' and the
 * menu opens on a right click. On macOS 'click' is also emitted each time the context menu opens (electron/electron
 * PR #24200), so showing the window there would raise it with every look at the menu; on Linux the AppIndicator
 * opens the menu and emits no 'click' (Electron's Tray page). The menu's Open item serves both.
 */
export function trayClickShowsWindow(platform: NodeJS.Platform): boolean {
  return platform === 'win32';
}
