import { describe, expect, it } from 'vitest';
import { panelIsDark } from '../../../main/electron/tray-theme.ts';

describe('panelIsDark: which glyph suits the panel the tray sits in', () => {
  it('Windows: the taskbar follows the system theme, even when the app theme differs', () => {
    expect(panelIsDark('win32', { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: true })).toBe(true);
    expect(panelIsDark('win32', { shouldUseDarkColors: true, shouldUseDarkColorsForSystemIntegratedUI: false })).toBe(false);
  });

  it('Linux: the desktop theme', () => {
    expect(panelIsDark('linux', { shouldUseDarkColors: true, shouldUseDarkColorsForSystemIntegratedUI: false })).toBe(true);
  });
});
