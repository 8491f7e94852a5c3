import type { NativeTheme } from 'electron';

/** The part of Electron's nativeTheme the tray's glyph depends on. */
export type PanelTheme = Pick<NativeTheme, 'shouldUseDarkColors' | 'shouldUseDarkColorsForSystemIntegratedUI'>;

/**
 * Whether the panel the tray sits in is dark. Windows lets the taskbar (the "system" mode) and apps have different
 * themes, and the taskbar follows the system one: `shouldUseDarkColorsForSystemIntegratedUI` there
 * (https://www.electronjs.org/docs/latest/api/native-theme#nativethemeshouldusedarkcolorsforsystemintegratedui-macos-windows-readonly).
 * Linux panels follow the desktop theme, which `shouldUseDarkColors` reflects. macOS uses a template image and ignores this.
 */
export function panelIsDark(platform: NodeJS.Platform, theme: PanelTheme): boolean {
  return platform === 'win32' ? theme.shouldUseDarkColorsForSystemIntegratedUI : theme.shouldUseDarkColors;
}
