import { describe, expect, it } from 'vitest';
import { APP_USER_MODEL_ID, claimInstance } from '../../../main/electron/app-instance.ts';
import { Recorder, StandInApp } from '../../support/electron-standin/standin-app.ts';

function appOn(platform: NodeJS.Platform, wayland = false) {
  const recorder = new Recorder();
  return { recorder, app: new StandInApp(recorder, { platform, wayland, signedBundle: true }) };
}

describe('claiming the instance before ready, with Electron as the stand-in', () => {
  it('another config folder is another instance: its Electron data is set before the single-instance lock', () => {
    const { app, recorder } = appOn('linux');
    expect(claimInstance(app, 'linux', { CTM_CONFIG_DIR: '/tmp/demo' })).toBe(true);
    expect(recorder.calls.map((c) => [c.api, ...c.args])).toEqual([
      ['app.setPath', 'userData', '/tmp/demo/electron'],
      ['app.requestSingleInstanceLock'],
    ]);
  });

  it('Windows: the app user model id toasts need (the installer shortcut\u2019s), before ready', () => {
    const { app, recorder } = appOn('win32');
    claimInstance(app, 'win32', {});
    expect(recorder.find('app.setAppUserModelId').map((c) => c.args[0])).toEqual([APP_USER_MODEL_ID]);
  });

  it('a Wayland session: the shortcut portal switch is appended before ready, so the stand-in (as Chromium) reads it', () => {
    const { app } = appOn('linux', true);
    claimInstance(app, 'linux', { WAYLAND_DISPLAY: 'wayland-0' });
    app.becomeReady();
    expect(app.featureEnabled('GlobalShortcutsPortal')).toBe(true);
  });

  it('a second instance quits at once (the first is shown through second-instance)', () => {
    const { app, recorder } = appOn('linux');
    app.requestSingleInstanceLock = () => false;
    expect(claimInstance(app, 'linux', {})).toBe(false);
    expect(recorder.find('app.quit')).toHaveLength(1);
    expect(app.exited).toBe(0);
  });
});
