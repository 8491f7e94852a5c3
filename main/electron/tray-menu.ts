import type { MenuItemConstructorOptions } from 'electron';
import type { CopyFormat, ProfileView, TokenKind } from '../ipc/contract.ts';
import { COPY_FORMATS } from '../shared/copy-formats.ts';
import { formatDuration } from '../shared/duration.ts';
import { environmentOf } from '../shared/environments.ts';
import { profileGroups } from '../shared/profile-order.ts';
import { endpointMark } from '../shared/profile-labels.ts';
import { hasIdToken, signsInInteractively, standingOf } from '../shared/profile-standing.ts';

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
  /** Shown beside the label only (the global shortcut registers it; the menu must not). */
  accelerator?: string;
}

/** The overall state the tray icon shows. */
export type TrayHealth = 'ok' | 'warning' | 'error';

/** Everything the tray shows: icon state, tooltip and menu. Equal models mean nothing to rebuild. */
export interface TrayModel {
  health: TrayHealth;
  tooltip: string;
  items: TrayItem[];
}

/** What the tray knows besides the profiles: the default profile and its shortcut, and the profiles copied last. */
export interface TrayContext {
  defaultProfileId?: string;
  /** The global shortcut that copies the default profile's access token ("CommandOrControl+Shift+T"), or "". */
  shortcut?: string;
  /** Profile ids, most recently copied first. */
  recentIds?: readonly string[];
}

/** How many recently copied profiles get one-click items at the top. */
export const RECENT_ITEMS = 3;

/** How many recent profile ids are kept: a few more than shown, for removals. */
export const RECENT_KEPT = RECENT_ITEMS * 2;

/** The recent list after copying from `profileId`: it moves to the front. */
export function withRecent(recentIds: readonly string[], profileId: string): string[] {
  return [profileId, ...recentIds.filter((id) => id !== profileId)].slice(0, RECENT_KEPT);
}

/**
 * The tray as data, for 30 profiles as for 3: the default profile's copy (with its shortcut) and the recent profiles
 * as one-click items; profiles needing a sign-in in their own section; the rest in one submenu per group (pinned, then
 * each environment), where a click copies the access token and "Other formats" holds every format of both tokens.
 */
export function trayModel(
  profiles: ProfileView[],
  now: number,
  problem?: string,
  context: TrayContext = {},
): TrayModel {
  const footer: TrayItem[] = [
    { separator: true },
    { label: 'Open Cognito Token Manager', action: { kind: 'open' } },
    { label: 'Quit', action: { kind: 'quit' } },
  ];
  if (problem) {
    const shortened = problem.length > 80 ? `${problem.slice(0, 79)}\u2026` : problem;
    return {
      health: 'error',
      tooltip: `Cognito Token Manager\n${shortened}`,
      items: [{ label: shortened, enabled: false }, ...footer],
    };
  }
  if (profiles.length === 0)
    return {
      health: 'ok',
      tooltip: tooltip(profiles, now),
      items: [{ label: 'No profiles yet', enabled: false }, ...footer],
    };
  const byId = new Map(profiles.map((p) => [p.id, p]));
  const needsSignIn = profiles.filter(
    (p) => standingOf(p, now).label === 'Needs sign-in' && !standingOf(p, now).tokenUsable,
  );
  const top: TrayItem[] = [];
  const fallback = byId.get(context.defaultProfileId ?? '');
  if (fallback)
    top.push({
      ...quickItem(fallback, now, 'Copy default: '),
      ...(context.shortcut ? { accelerator: context.shortcut } : {}),
    });
  const recent = (context.recentIds ?? [])
    .filter((id) => id !== fallback?.id)
    .map((id) => byId.get(id))
    .filter((p): p is ProfileView => p !== undefined)
    .slice(0, RECENT_ITEMS);
  if (recent.length > 0) top.push({ label: 'Recent', enabled: false }, ...recent.map((p) => quickItem(p, now)));
  const groups: TrayItem[] = profileGroups(profiles.filter((p) => !needsSignIn.includes(p))).map((group) => ({
    label: `${group.key === 'env-prod' ? '\u26A0 ' : ''}${group.label} (${group.profiles.length})`,
    submenu: [
      ...group.profiles.map((p) => quickItem(p, now)),
      { separator: true },
      { label: 'Other formats', submenu: group.profiles.map((p) => formatsMenu(p, now)) },
    ],
  }));
  const signIns: TrayItem[] =
    needsSignIn.length > 0
      ? [
          { separator: true },
          { label: 'Needs sign-in', enabled: false },
          ...needsSignIn.map((p) => ({
            label: `${p.name}${marks(p)} \u2014 Sign in\u2026`,
            action: { kind: 'sign-in', profileId: p.id } as TrayAction,
          })),
        ]
      : [];
  return {
    health: health(profiles, now),
    tooltip: tooltip(profiles, now),
    items: [...top, ...(top.length > 0 ? [{ separator: true } as TrayItem] : []), ...groups, ...signIns, ...footer],
  };
}

/** A profile as one click: copies its access token while it is valid (whatever the last refresh did), else its one action. */
function quickItem(p: ProfileView, now: number, prefix = ''): TrayItem {
  const standing = standingOf(p, now);
  if (standing.tokenUsable)
    return {
      label: `${prefix}${p.name}${marks(p)} \u2014 ${minutes(p.expiresAt ?? now, now)}`,
      action: { kind: 'copy', profileId: p.id, token: 'access', format: 'raw' },
    };
  if (standing.primary === 'retry')
    return {
      label: `${prefix}${p.name}${marks(p)} \u2014 ${standing.label.toLowerCase()}, renew`,
      action: { kind: 'refresh', profileId: p.id },
    };
  if (standing.primary === 'renewing')
    return { label: `${prefix}${p.name}${marks(p)} \u2014 renewing\u2026`, enabled: false };
  return {
    label: `${prefix}${p.name}${marks(p)} \u2014 ${signsInInteractively(p) ? 'Sign in\u2026' : 'Get token'}`,
    action: { kind: 'sign-in', profileId: p.id },
  };
}

/** A profile's formats: every format of the access token, of the ID token where its kind has one, then renew and sign in. */
function formatsMenu(p: ProfileView, now: number): TrayItem {
  const usable = standingOf(p, now).tokenUsable;
  const formats = (token: TokenKind, title: string): TrayItem[] => [
    { label: title, enabled: false },
    ...COPY_FORMATS.map((f): TrayItem => ({
      label: `  ${f.label}`,
      enabled: usable,
      action: { kind: 'copy', profileId: p.id, token, format: f.format },
    })),
  ];
  return {
    label: `${p.name}${marks(p)}`,
    submenu: [
      ...formats('access', 'Access token'),
      ...(hasIdToken(p) ? [{ separator: true } as TrayItem, ...formats('id', 'ID token')] : []),
      { separator: true },
      { label: 'Refresh now', enabled: p.expiresAt !== undefined, action: { kind: 'refresh', profileId: p.id } },
      {
        label: signsInInteractively(p) ? 'Sign in\u2026' : 'Get a new token',
        action: { kind: 'sign-in', profileId: p.id },
      },
    ],
  };
}

/** " [prod]" and " [emulator]": what must be seen before a token is pasted (menus carry no colour). */
function marks(p: ProfileView): string {
  const env = environmentOf(p);
  const endpoint = endpointMark(p.endpoint);
  return `${env.production ? ' \u26A0 prod' : ''}${endpoint ? ` [${endpoint}]` : ''}`;
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
      // Electron's MenuItem: registerAccelerator false shows the keys without claiming them (the global shortcut does).
      ...(item.accelerator ? { accelerator: item.accelerator, registerAccelerator: false } : {}),
    };
  };
  return model.items.map(convert);
}

/** Sign-ins needed or tokens lost win over renewals that failed with time left, which win over all fresh. */
export function health(profiles: ProfileView[], now = Date.now()): TrayHealth {
  const tones = profiles.map((p) => standingOf(p, now).tone);
  if (tones.includes('bad')) return 'error';
  if (tones.includes('warn')) return 'warning';
  return 'ok';
}

function tooltip(profiles: ProfileView[], now: number): string {
  const next = profiles
    .filter((p) => standingOf(p, now).tokenUsable)
    .sort((a, b) => (a.expiresAt ?? 0) - (b.expiresAt ?? 0))[0];
  const attention = profiles.filter((p) => standingOf(p, now).tone === 'bad').length;
  const lines = ['Cognito Token Manager'];
  lines.push(next ? `Next expiry: ${next.name} in ${minutes(next.expiresAt ?? now, now)}` : 'No profile signed in');
  if (attention > 0)
    lines.push(`${attention} profile${attention === 1 ? '' : 's'} need${attention === 1 ? 's' : ''} attention`);
  return lines.join('\n');
}

/** The tray is rebuilt once a minute, so it shows whole minutes, with the formatter the window and ctm use. */
function minutes(at: number, now: number): string {
  return formatDuration(at - now, 'minutes');
}
