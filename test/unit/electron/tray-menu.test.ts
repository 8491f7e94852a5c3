import { describe, expect, it } from 'vitest';
import {
  health,
  trayMenuTemplate,
  trayModel,
  withRecent,
  type TrayAction,
  type TrayItem,
} from '../../../main/electron/tray-menu.ts';
import type { ProfileView } from '../../../main/ipc/contract.ts';
import { NOW, profileView } from '../../support/electron-standin/policy-kit.ts';

const profile = profileView;
const labels = (items: TrayItem[]): string[] => items.map((i) => i.label ?? '---');
const find = (items: TrayItem[], label: string): TrayItem | undefined => items.find((i) => i.label === label);

/** Thirty profiles: ten each in dev, staging and prod. */
const thirty = (): ProfileView[] =>
  ['dev', 'staging', 'prod'].flatMap((env) =>
    Array.from({ length: 10 }, (_, i) => profile(`svc${i}-${env}`, 'fresh', 30 + i)),
  );

describe('the tray menu as data', () => {
  it('puts the default profile\u2019s copy (with its shortcut) and the recent profiles first, as one-click copies', () => {
    const model = trayModel(thirty(), NOW, undefined, {
      defaultProfileId: 'id-svc0-dev',
      shortcut: 'CommandOrControl+Shift+T',
      recentIds: ['id-svc3-prod', 'id-svc0-dev', 'id-svc1-staging', 'id-gone', 'id-svc2-dev', 'id-svc4-dev'],
    });
    expect(model.items[0]).toEqual({
      label: 'Copy default: svc0-dev \u2014 30 min',
      accelerator: 'CommandOrControl+Shift+T',
      action: { kind: 'copy', profileId: 'id-svc0-dev', token: 'access', format: 'raw' },
    });
    // The default is not repeated among the recent ones; a removed profile is skipped; three at most.
    expect(labels(model.items.slice(1, 5))).toEqual([
      'Recent',
      'svc3-prod \u26A0 prod \u2014 33 min',
      'svc1-staging \u2014 31 min',
      'svc2-dev \u2014 32 min',
    ]);
    expect(model.items[2]?.action).toEqual({ kind: 'copy', profileId: 'id-svc3-prod', token: 'access', format: 'raw' });
  });

  it('groups the rest by environment, dev first and prod marked, each a list of one-click copies and their other formats', () => {
    const model = trayModel(thirty(), NOW);
    expect(labels(model.items)).toEqual([
      'Development (10)',
      'Staging (10)',
      '\u26A0 Production (10)',
      '---',
      'Open Cognito Token Manager',
      'Quit',
    ]);
    const prod = find(model.items, '\u26A0 Production (10)')!.submenu!;
    expect(prod[0]).toEqual({
      label: 'svc0-prod \u26A0 prod \u2014 30 min',
      action: { kind: 'copy', profileId: 'id-svc0-prod', token: 'access', format: 'raw' },
    });
    const formats = find(prod, 'Other formats')!.submenu!;
    expect(formats).toHaveLength(10);
    const svc0 = formats[0]!.submenu!;
    expect(labels(svc0)).toEqual([
      'Access token',
      '  Token',
      '  Authorization header',
      '  curl command',
      '  Shell export',
      '  PowerShell variable',
      '  fish export',
      '  JSON with expiry',
      '---',
      'ID token',
      '  Token',
      '  Authorization header',
      '  curl command',
      '  Shell export',
      '  PowerShell variable',
      '  fish export',
      '  JSON with expiry',
      '---',
      'Refresh now',
      'Sign in\u2026',
    ]);
    expect(svc0[11]?.action).toEqual({ kind: 'copy', profileId: 'id-svc0-prod', token: 'id', format: 'header' });
  });

  it('keeps Copy while the token is valid, whatever the last refresh did', () => {
    const failing = profile('orders', 'retrying', 14, { problem: 'ServiceUnavailableException: try later' });
    const model = trayModel([failing], NOW);
    expect(model.items[0]?.submenu?.[0]).toEqual({
      label: 'orders \u2014 14 min',
      action: { kind: 'copy', profileId: 'id-orders', token: 'access', format: 'raw' },
    });
    expect(model.health).toBe('warning');
  });

  it('lists profiles that need a sign-in in their own section; renewable ones renew; machine-to-machine ones get a token', () => {
    const model = trayModel(
      [
        profile('lost', 'needs-sign-in'),
        profile('old', 'fresh', -5),
        profile('m2m', 'signed-out', undefined, { authFlow: 'CLIENT_CREDENTIALS', signIn: 'none' }),
      ],
      NOW,
    );
    expect(labels(model.items).slice(-5)).toEqual([
      'Needs sign-in',
      'lost \u2014 Sign in\u2026',
      '---',
      'Open Cognito Token Manager',
      'Quit',
    ]);
    const group = model.items[0]!.submenu!;
    expect(group.slice(0, 2)).toEqual([
      { label: 'm2m \u2014 Get token', action: { kind: 'sign-in', profileId: 'id-m2m' } },
      { label: 'old \u2014 expired, renew', action: { kind: 'refresh', profileId: 'id-old' } },
    ]);
    // Client credentials have no ID token: their formats menu offers the access token only.
    const m2mFormats = find(group, 'Other formats')!.submenu![0]!.submenu!;
    expect(labels(m2mFormats)).not.toContain('ID token');
    expect(m2mFormats.filter((i) => i.action?.kind === 'copy').every((i) => i.enabled === false)).toBe(true);
  });

  it('marks a custom endpoint on the profile\u2019s items', () => {
    const model = trayModel([profile('local', 'fresh', 20, { endpoint: 'http://localhost:9229/' })], NOW);
    expect(model.items[0]?.submenu?.[0]?.label).toBe('local [emulator] \u2014 20 min');
  });

  it('shows the overall health: lost tokens over failed renewals over all fresh', () => {
    expect(health([profile('a', 'fresh', 5)], NOW)).toBe('ok');
    expect(health([profile('a', 'fresh', 5), profile('b', 'needs-sign-in')], NOW)).toBe('error');
    expect(health([profile('a', 'retrying', 5), profile('b', 'fresh', -1)], NOW)).toBe('warning');
    expect(health([], NOW)).toBe('ok');
  });

  it('puts the next expiry and what needs attention in the tooltip', () => {
    const model = trayModel(
      [profile('late', 'fresh', 50), profile('soon', 'fresh', 3), profile('broken', 'retrying')],
      NOW,
    );
    expect(model.tooltip).toBe('Cognito Token Manager\nNext expiry: soon in 3 min\n1 profile needs attention');
    expect(trayModel([], NOW).tooltip).toBe('Cognito Token Manager\nNo profile signed in');
  });

  it('is equal for equal states, so the menu is rebuilt only when something changed', () => {
    const profiles = [profile('dev', 'fresh', 42)];
    expect(JSON.stringify(trayModel(profiles, NOW))).toBe(JSON.stringify(trayModel(profiles, NOW + 10_000)));
    expect(JSON.stringify(trayModel(profiles, NOW))).not.toBe(
      JSON.stringify(trayModel([profile('dev', 'fresh', -1)], NOW)),
    );
  });

  it('turns the model into Electron menu items whose clicks run the actions, showing the shortcut without claiming it', () => {
    const ran: TrayAction[] = [];
    const template = trayMenuTemplate(
      trayModel([profile('dev', 'fresh', 42)], NOW, undefined, { defaultProfileId: 'id-dev', shortcut: 'Alt+T' }),
      (action) => ran.push(action),
    );
    (template[0] as { click?: () => void }).click?.();
    const group = template[2]?.submenu as { label?: string; click?: () => void }[];
    group[0]?.click?.();
    (template.at(-1) as { click?: () => void }).click?.();
    expect(template[0]).toMatchObject({ accelerator: 'Alt+T', registerAccelerator: false });
    expect(ran).toEqual([
      { kind: 'copy', profileId: 'id-dev', token: 'access', format: 'raw' },
      { kind: 'copy', profileId: 'id-dev', token: 'access', format: 'raw' },
      { kind: 'quit' },
    ]);
    expect(template[1]).toEqual({ type: 'separator' });
  });

  it('keeps the recent list most recent first, without repeats, a few longer than shown', () => {
    let recent: string[] = [];
    for (const id of ['a', 'b', 'c', 'a', 'd', 'e', 'f', 'g']) recent = withRecent(recent, id);
    expect(recent).toEqual(['g', 'f', 'e', 'd', 'a', 'c']);
  });

  it('says so when there are no profiles', () => {
    expect(trayModel([], NOW).items[0]).toEqual({ label: 'No profiles yet', enabled: false });
  });

  it('shows the problem, an error icon, Open and Quit when the profiles cannot be read', () => {
    const model = trayModel([], NOW, 'The OS keychain did not answer.');
    expect(model.health).toBe('error');
    expect(labels(model.items)).toEqual([
      'The OS keychain did not answer.',
      '---',
      'Open Cognito Token Manager',
      'Quit',
    ]);
    expect(model.tooltip).toBe('Cognito Token Manager\nThe OS keychain did not answer.');
  });
});
