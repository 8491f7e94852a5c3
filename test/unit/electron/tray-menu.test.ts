import { describe, expect, it } from 'vitest';
import { health, trayMenuTemplate, trayModel, type TrayAction } from '../../../main/electron/tray-menu.ts';
import type { ProfileView } from '../../../main/ipc/contract.ts';

const NOW = 1_800_000_000_000;
const profile = (name: string, state: ProfileView['state'], expiresInMin?: number): ProfileView => ({
  id: `id-${name}`, name, region: 'us-east-1', userPoolId: 'us-east-1_Pool1', clientId: 'client', authFlow: 'USER_SRP_AUTH', signIn: 'password',
  hasClientSecret: false, autoRefresh: true, state, ...(expiresInMin !== undefined ? { expiresAt: NOW + expiresInMin * 60_000 } : {}),
});

describe('the tray menu as data', () => {
  it('lists each profile with its state and time left, then Open and Quit', () => {
    const model = trayModel([profile('dev', 'signed-in', 42), profile('prod', 'sign-in-required')], NOW);
    expect(model.items.map((i) => i.label ?? '---')).toEqual(['dev \u2014 42 min left', 'prod \u2014 sign in required', '---', 'Open', 'Quit']);
  });

  it('gives each profile its actions; copies are disabled without tokens', () => {
    const [dev, prod] = trayModel([profile('dev', 'signed-in', 42), profile('prod', 'signed-out')], NOW).items;
    expect(dev?.submenu?.filter((i) => i.action).map((i) => [i.label, i.enabled ?? true])).toEqual([
      ['Copy access token', true], ['Copy ID token', true], ['Copy as Authorization header', true], ['Copy as shell export', true], ['Refresh now', true], ['Sign in\u2026', true],
    ]);
    expect(dev?.submenu?.[2]?.action).toEqual({ kind: 'copy', profileId: 'id-dev', token: 'access', format: 'header' });
    expect(prod?.submenu?.filter((i) => i.label?.startsWith('Copy')).every((i) => i.enabled === false)).toBe(true);
  });

  it('shows the overall health: errors over sign-ins needed over all fresh', () => {
    expect(health([profile('a', 'signed-in', 5)])).toBe('ok');
    expect(health([profile('a', 'signed-in', 5), profile('b', 'sign-in-required')])).toBe('warning');
    expect(health([profile('a', 'error'), profile('b', 'sign-in-required')])).toBe('error');
    expect(health([])).toBe('ok');
  });

  it('puts the next expiry and what needs attention in the tooltip', () => {
    const model = trayModel([profile('late', 'signed-in', 50), profile('soon', 'signed-in', 3), profile('broken', 'error')], NOW);
    expect(model.tooltip).toBe('Cognito Token Manager\nNext expiry: soon in 3 min\n1 profile needs attention');
    expect(trayModel([], NOW).tooltip).toBe('Cognito Token Manager\nNo profile signed in');
  });

  it('is equal for equal states, so the menu is rebuilt only when something changed', () => {
    const profiles = [profile('dev', 'signed-in', 42)];
    expect(JSON.stringify(trayModel(profiles, NOW))).toBe(JSON.stringify(trayModel(profiles, NOW + 10_000)));
    expect(JSON.stringify(trayModel(profiles, NOW))).not.toBe(JSON.stringify(trayModel([profile('dev', 'expired', -1)], NOW)));
  });

  it('turns the model into Electron menu items whose clicks run the actions', () => {
    const ran: TrayAction[] = [];
    const template = trayMenuTemplate(trayModel([profile('dev', 'signed-in', 42)], NOW), (action) => ran.push(action));
    const submenu = template[0]?.submenu as { label?: string; click?: () => void }[];
    submenu.find((i) => i.label === 'Copy ID token')?.click?.();
    (template.at(-1) as { click?: () => void }).click?.();
    expect(ran).toEqual([{ kind: 'copy', profileId: 'id-dev', token: 'id', format: 'raw' }, { kind: 'quit' }]);
    expect(template[1]).toEqual({ type: 'separator' });
  });

  it('says so when there are no profiles', () => {
    expect(trayModel([], NOW).items[0]).toEqual({ label: 'No profiles yet', enabled: false });
  });

  it('shows the problem, an error icon, Open and Quit when the profiles cannot be read', () => {
    const model = trayModel([], NOW, 'The OS keychain did not answer.');
    expect(model.health).toBe('error');
    expect(model.items.map((i) => i.label ?? '---')).toEqual(['The OS keychain did not answer.', '---', 'Open', 'Quit']);
    expect(model.tooltip).toBe('Cognito Token Manager\nThe OS keychain did not answer.');
  });
});
