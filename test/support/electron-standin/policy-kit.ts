// What the main/electron policy tests share: the stand-in Electron (Electron cannot run here) with a real TrayController
// over its Tray and Menu, and profile views as the Api lists them.
import { TrayController } from '../../../main/electron/tray-controller.ts';
import type { ProfileView } from '../../../main/ipc/contract.ts';
import { allItems, type StandInMenu } from './standin-menu.ts';
import { standInElectron, type StandInOptions } from './standin-electron.ts';

/** A fixed "now" for the profiles' expiry times. */
export const NOW = 1_800_000_000_000;

/** A profile view as Api.listProfiles answers it; `expiresInMin` sets its access token's expiry from NOW. */
export function profileView(
  name: string,
  state: ProfileView['state'],
  expiresInMin?: number,
  extra: Partial<ProfileView> = {},
): ProfileView {
  return {
    id: `id-${name}`,
    name,
    region: 'us-east-1',
    userPoolId: 'us-east-1_Pool1',
    clientId: 'client',
    authFlow: 'USER_SRP_AUTH',
    signIn: 'password',
    hasClientSecret: false,
    autoRefresh: true,
    state,
    ...(expiresInMin !== undefined ? { expiresAt: NOW + expiresInMin * 60_000 } : {}),
    ...extra,
  };
}

/** The tray's icon files by health, as appPaths names them. */
export const ICONS = { ok: 'tray-light.png', warning: 'tray-warning.png', error: 'tray-error.png' };

/** The stand-in Electron with its tray icon created and driven by a real TrayController (as startTray builds it). */
export function standInWithTray(options: StandInOptions = {}, run: Parameters<typeof trayOf>[1] = () => undefined) {
  const standIn = standInElectron(options);
  const { tray, controller } = trayOf(standIn, run);
  return { ...standIn, trayIcon: tray, controller };
}

/** A stand-in tray icon and its controller, over the stand-in's Tray and Menu. */
export function trayOf(
  standIn: ReturnType<typeof standInElectron>,
  run: ConstructorParameters<typeof TrayController>[0]['run'],
) {
  const tray = new standIn.electron.Tray(ICONS.ok);
  const controller = new TrayController<StandInMenu>({
    tray,
    buildMenu: (template) => standIn.electron.Menu.buildFromTemplate(template),
    icons: ICONS,
    run,
  });
  return { tray, controller };
}

/** The labels of a built menu's items, submenus included, depth first. */
export const menuLabels = (menu: StandInMenu | undefined): string[] =>
  allItems(menu).map((i) => i.label ?? i.type ?? '');

/** Lets promises already settled run their callbacks. */
export const settled = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
