import type { NativeTheme } from 'electron';

/** The part of Electron's nativeTheme the tray's glyph depends on. */
export type PanelTheme = Pick<NativeTheme, 'shouldUseDarkColors' | 'shouldUseDarkColorsForSystemIntegratedUI'>;

/**
 * Whether the panel the tray sits in is dark. Windows lets the taskbar (the "system" mode) and apps have different
 * themes, and the taskbar follows the system one: `shouldUseDarkColorsForSystemIntegratedUI` there
 * (https://www.electronjs.org/docs/latest/api/native-theme#nativethemeshouldusedarkcolorsforsystemintegratedui-macos-windows-readonly).
 * GNOME's top bar (Ubuntu's too) is dark whatever the GTK theme (borgbase/vorta #212, podman-desktop #467), so a light
 * desktop there still needs the glyph for a dark panel. Other Linux panels follow the desktop theme
 * (`shouldUseDarkColors`). macOS uses a template image and ignores this.
 */
export function panelIsDark(platform: NodeJS.Platform, theme: PanelTheme, env: NodeJS.ProcessEnv = {}): boolean {
  if (platform === 'win32') return theme.shouldUseDarkColorsForSystemIntegratedUI;
  if (
    platform === 'linux' &&
    desktopNames(env).some((name) => name === 'gnome' || name === 'unity' || name === 'ubuntu')
  )
    return true;
  return theme.shouldUseDarkColors;
}

/**
 * The desktop's names, lower-cased, as the session set them: Electron's start-up rewrites XDG_CURRENT_DESKTOP on
 * Ubuntu and Pop!_OS to "Unity" and keeps the original in ORIGINAL_XDG_CURRENT_DESKTOP (Electron docs,
 * environment-variables; lib/browser/init.ts).
 */
export function desktopNames(env: NodeJS.ProcessEnv): string[] {
  return (env.ORIGINAL_XDG_CURRENT_DESKTOP || env.XDG_CURRENT_DESKTOP || '').toLowerCase().split(':').filter(Boolean);
}
