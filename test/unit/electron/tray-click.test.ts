import { describe, expect, it } from 'vitest';
import { trayClickShowsWindow } from '../../../main/electron/tray-click.ts';
import { Recorder } from '../../support/electron-standin/standin-app.ts';
import { StandInTray } from '../../support/electron-standin/standin-electron.ts';

function trayOn(platform: NodeJS.Platform) {
  const recorder = new Recorder();
  StandInTray.recorder = recorder;
  StandInTray.platform = platform;
  const tray = new StandInTray('icon.png');
  tray.setContextMenu({ items: [{ label: 'Open' }] });
  let shown = 0;
  if (trayClickShowsWindow(platform)) tray.on('click', () => (shown += 1));
  tray.clickIcon();
  return { shown, recorder };
}

describe('a click on the tray icon, on the stand-in tray (Electron stood in)', () => {
  it("macOS: opens the menu only; the window is not raised by the 'click' that comes with it", () => {
    const { shown, recorder } = trayOn('darwin');
    expect(shown).toBe(0);
    expect(recorder.find('tray: menu opened')).toHaveLength(1);
  });

  it('Windows: shows the window (the menu is on the right click)', () => {
    expect(trayOn('win32').shown).toBe(1);
  });

  it('Linux: the AppIndicator opens the menu and emits no click', () => {
    const { shown, recorder } = trayOn('linux');
    expect(shown).toBe(0);
    expect(recorder.find('tray: menu opened')).toHaveLength(1);
  });
});
