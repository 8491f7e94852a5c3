import { describe, expect, it } from 'vitest';
import { startTray } from '../../../main/electron/app-tray.ts';
import { standInElectron } from '../../support/electron-standin/standin-electron.ts';
import { NOW, profileView } from '../../support/electron-standin/policy-kit.ts';

const icons = (dark: boolean) => ({
  ok: dark ? 'tray-dark.png' : 'tray-light.png',
  warning: 'tray-warning.png',
  error: 'tray-error.png',
});

function trayOn(platform: NodeJS.Platform) {
  const standIn = standInElectron({ desktop: { platform, wayland: false, signedBundle: true } });
  let shown = 0;
  const controller = startTray({
    Tray: standIn.electron.Tray,
    buildMenu: (template) => standIn.electron.Menu.buildFromTemplate(template),
    nativeTheme: standIn.nativeTheme,
    platform,
    icons: () => icons(standIn.nativeTheme.shouldUseDarkColorsForSystemIntegratedUI),
    showWindow: () => void (shown += 1),
    run: () => undefined,
  });
  return { ...standIn, controller, shown: () => shown };
}

describe('the tray icon put up by startTray, with Electron as the stand-in', () => {
  it('starts with the quiet glyph of the panel\u2019s theme, and follows the theme as it changes', () => {
    const run = trayOn('win32');
    expect(run.tray()?.image).toBe('tray-light.png');
    run.controller.show([profileView('dev', 'fresh', 30)], NOW);
    run.nativeTheme.change({ system: true });
    expect(run.tray()?.image).toBe('tray-dark.png');
    expect(run.recorder.find('new Tray').map((c) => c.args[0])).toEqual(['tray-light.png']);
  });

  it('Windows: a click on the icon shows the window (its menu is on the right click)', () => {
    const run = trayOn('win32');
    run.tray()?.clickIcon();
    expect(run.shown()).toBe(1);
  });

  it("macOS: 'click' fires each time the menu opens (electron PR #24200), so it does not raise the window", () => {
    const run = trayOn('darwin');
    run.controller.show([profileView('dev', 'fresh', 30)], NOW);
    run.tray()?.clickIcon();
    expect(run.shown()).toBe(0);
    expect(run.recorder.find('tray: menu opened')).toHaveLength(1);
  });

  it('Linux: the AppIndicator opens the menu and emits no click; the menu\u2019s Open item serves', () => {
    const run = trayOn('linux');
    run.controller.show([], NOW);
    run.tray()?.clickIcon();
    expect(run.shown()).toBe(0);
    expect(run.recorder.find('tray: menu opened')).toHaveLength(1);
  });
});
