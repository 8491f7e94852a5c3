import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../main/electron/app-menu.ts';
import { allItems, buildFromTemplate } from '../../support/electron-standin/standin-menu.ts';

const roles = (template: ReturnType<typeof appMenuTemplate>) =>
  allItems(template ? buildFromTemplate(template) : null).map((i) => i.role ?? i.label ?? i.type);

describe('appMenuTemplate, built by the stand-in Menu (checks roles and types as Electron does)', () => {
  it('macOS: app menu (with the ctm installer), Edit menu for Cmd+C / Cmd+V, Window menu; nothing for developers once packaged', () => {
    const clicks: string[] = [];
    const template = appMenuTemplate({ platform: 'darwin', packaged: true, installCli: () => clicks.push('install') });
    expect(roles(template)).toEqual([
      'appMenu',
      'about',
      'separator',
      "Install 'ctm' Command in PATH\u2026",
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
      'editMenu',
      'windowMenu',
    ]);
    allItems(buildFromTemplate(template))
      .find((i) => i.label?.startsWith('Install'))
      ?.click?.();
    expect(clicks).toEqual(['install']);
  });

  it('Windows and Linux, installed: no menu bar at all (not Electron default one with Reload and Toggle Developer Tools)', () => {
    expect(appMenuTemplate({ platform: 'win32', packaged: true })).toBeNull();
    expect(appMenuTemplate({ platform: 'linux', packaged: true })).toBeNull();
  });

  it('a development build keeps Reload and Toggle Developer Tools', () => {
    expect(roles(appMenuTemplate({ platform: 'linux', packaged: false }))).toEqual([
      'Develop',
      'reload',
      'toggleDevTools',
    ]);
    expect(roles(appMenuTemplate({ platform: 'darwin', packaged: false }))).toEqual(
      expect.arrayContaining(['editMenu', 'reload', 'toggleDevTools']),
    );
  });

  it('the stand-in Menu refuses what Electron refuses (and an unknown role, which Electron shows blank)', () => {
    expect(() => buildFromTemplate({})).toThrow('Menu template must be an array');
    expect(() => buildFromTemplate([{ enabled: true }])).toThrow('must have at least one of label, role or type');
    expect(() => buildFromTemplate([{ label: 'x', type: 'button' }])).toThrow('Unknown menu item type: button');
    expect(() => buildFromTemplate([{ role: 'editmenu' }])).toThrow('Unknown menu item role: editmenu');
  });
});
