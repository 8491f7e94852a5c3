import type { MenuItemConstructorOptions } from 'electron';
import type { Api, ProfileView } from '../ipc/contract.ts';

/** The tray menu as data: one submenu per profile with its state and copy actions, then Open and Quit. */
export function trayMenuTemplate(profiles: ProfileView[], api: Pick<Api, 'copyToken'>, actions: { open(): void; quit(): void }, now: number): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = profiles.map((p) => ({
    label: `${p.name} \u2014 ${describe(p, now)}`,
    submenu: [
      { label: 'Copy access token', enabled: p.state === 'signed-in' || p.state === 'expired', click: () => void api.copyToken(p.id, 'access', 'raw') },
      { label: 'Copy ID token', enabled: p.state === 'signed-in' || p.state === 'expired', click: () => void api.copyToken(p.id, 'id', 'raw') },
      { label: 'Copy as Authorization header', enabled: p.state === 'signed-in' || p.state === 'expired', click: () => void api.copyToken(p.id, 'access', 'header') },
    ],
  }));
  if (items.length === 0) items.push({ label: 'No profiles yet', enabled: false });
  return [...items, { type: 'separator' }, { label: 'Open', click: actions.open }, { label: 'Quit', click: actions.quit }];
}

function describe(profile: ProfileView, now: number): string {
  if (profile.state === 'signed-in' && profile.expiresAt !== undefined) return `${Math.max(0, Math.round((profile.expiresAt - now) / 60_000))} min left`;
  return profile.state.replace(/-/g, ' ');
}
