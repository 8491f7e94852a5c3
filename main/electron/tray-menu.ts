import type { MenuItemConstructorOptions } from 'electron';
import type { CopyFormat, ProfileView, TokenKind } from '../ipc/contract.ts';
import { formatDuration } from '../shared/duration.ts';

/** What a tray menu item does, as data (so the menu can be tested and compared without Electron). */
export type TrayAction =
  | { kind: 'copy'; profileId: string; token: TokenKind; format: CopyFormat }
  | { kind: 'refresh'; profileId: string }
  | { kind: 'sign-in'; profileId: string }
  | { kind: 'open' }
  | { kind: 'quit' };

/** One menu entry: a label with an action or a submenu, or a separator. */
export interface TrayItem {
  label?: string;
  enabled?: boolean;
  action?: TrayAction;
  submenu?: TrayItem[];
  separator?: true;
}

/** The overall state the tray icon shows. */
export type TrayHealth = 'ok' | 'warning' | 'error';

/** Everything the tray shows: icon state, tooltip and menu. Equal models mean nothing to rebuild. */
export interface TrayModel {
  health: TrayHealth;
  tooltip: string;
  items: TrayItem[];
}

const hasTokens = (p: ProfileView): boolean => p.state === 'signed-in' || p.state === 'expired' || p.state === 'refreshing';

/** The tray as data: one submenu per profile with its state, time left and actions, then Open and Quit; or the problem that hid them. */
export function trayModel(profiles: ProfileView[], now: number, problem?: string): TrayModel {
  const items: TrayItem[] = profiles.map((p) => ({
    label: `${p.name} \u2014 ${describe(p, now)}`,
    submenu: [
      { label: 'Copy access token', enabled: hasTokens(p), action: { kind: 'copy', profileId: p.id, token: 'access', format: 'raw' } },
      { label: 'Copy ID token', enabled: hasTokens(p), action: { kind: 'copy', profileId: p.id, token: 'id', format: 'raw' } },
      { label: 'Copy as Authorization header', enabled: hasTokens(p), action: { kind: 'copy', profileId: p.id, token: 'access', format: 'header' } },
      { label: 'Copy as shell export', enabled: hasTokens(p), action: { kind: 'copy', profileId: p.id, token: 'access', format: 'env' } },
      { separator: true },
      { label: 'Refresh now', enabled: hasTokens(p), action: { kind: 'refresh', profileId: p.id } },
      { label: 'Sign in\u2026', action: { kind: 'sign-in', profileId: p.id } },
    ],
  }));
  if (problem) {
    const shortened = problem.length > 80 ? `${problem.slice(0, 79)}\u2026` : problem;
    return { health: 'error', tooltip: `Cognito Token Manager\n${shortened}`, items: [{ label: shortened, enabled: false }, { separator: true }, { label: 'Open', action: { kind: 'open' } }, { label: 'Quit', action: { kind: 'quit' } }] };
  }
  if (items.length === 0) items.push({ label: 'No profiles yet', enabled: false });
  return {
    health: health(profiles),
    tooltip: tooltip(profiles, now),
    items: [...items, { separator: true }, { label: 'Open', action: { kind: 'open' } }, { label: 'Quit', action: { kind: 'quit' } }],
  };
}

/** The model as Electron menu items; `run` performs an item's action. */
export function trayMenuTemplate(model: TrayModel, run: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  const convert = (item: TrayItem): MenuItemConstructorOptions => {
    if (item.separator) return { type: 'separator' };
    const { action } = item;
    return {
      label: item.label ?? '',
      ...(item.enabled === false ? { enabled: false } : {}),
      ...(action ? { click: () => run(action) } : {}),
      ...(item.submenu ? { submenu: item.submenu.map(convert) } : {}),
    };
  };
  return model.items.map(convert);
}

/** Errors win over sign-ins needed, which win over all fresh. */
export function health(profiles: ProfileView[]): TrayHealth {
  if (profiles.some((p) => p.state === 'error')) return 'error';
  if (profiles.some((p) => p.state === 'sign-in-required' || p.state === 'expired')) return 'warning';
  return 'ok';
}

function tooltip(profiles: ProfileView[], now: number): string {
  const next = profiles.filter((p) => p.state === 'signed-in' && p.expiresAt !== undefined).sort((a, b) => (a.expiresAt ?? 0) - (b.expiresAt ?? 0))[0];
  const attention = profiles.filter((p) => p.state === 'sign-in-required' || p.state === 'error').length;
  const lines = ['Cognito Token Manager'];
  lines.push(next ? `Next expiry: ${next.name} in ${minutes(next.expiresAt ?? now, now)}` : 'No profile signed in');
  if (attention > 0) lines.push(`${attention} profile${attention === 1 ? '' : 's'} need${attention === 1 ? 's' : ''} attention`);
  return lines.join('\n');
}

function describe(profile: ProfileView, now: number): string {
  if (profile.state === 'signed-in' && profile.expiresAt !== undefined) return `${minutes(profile.expiresAt, now)} left`;
  return profile.state.replace(/-/g, ' ');
}

/** The tray is rebuilt once a minute, so it shows whole minutes, with the formatter the window and ctm use. */
function minutes(at: number, now: number): string {
  return formatDuration(at - now, 'minutes');
}
