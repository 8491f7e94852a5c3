import { noticesFor, type NoticeModel } from './notifications.ts';
import type { ProfileView } from '../ipc/contract.ts';

/** Electron's Notification class as far as the app uses it (api/notification). */
export interface NotificationClass {
  isSupported(): boolean;
  new (options: NoticeModel): { show(): void };
}

/** Where a notice goes besides a notification: the tray's tooltip, and the menu-bar title on macOS. */
export interface NoticeFallback {
  flash(message: string): void;
  flashTitle(text: string): void;
}

/** Says what happened outside the window (a tray action, a shortcut, a setting that could not be applied). */
export type Tell = (notice: NoticeModel) => void;

/**
 * The tray has no page to answer in: a notification says what happened, or the tooltip where notifications are off
 * (Notification.isSupported() false). macOS drops an unsigned bundle's notifications without a word
 * (electron/electron #47817), so there the menu bar says it too.
 */
export function noticeTeller(
  Notification: NotificationClass,
  platform: NodeJS.Platform,
  fallback: () => NoticeFallback | undefined,
): Tell {
  return (notice) => {
    if (Notification.isSupported()) new Notification(notice).show();
    else fallback()?.flash(`${notice.title}\n${notice.body}`);
    if (platform === 'darwin') fallback()?.flashTitle(notice.title);
  };
}

/**
 * Announces what a change of states deserves (noticesFor: a profile that now needs a sign-in or keeps failing to
 * renew, once per change), as notifications only: a state the tray already shows is not flashed over its tooltip.
 */
export function stateAnnouncer(
  Notification: NotificationClass,
): (previous: ProfileView[] | undefined, next: ProfileView[]) => void {
  return (previous, next) => {
    if (!Notification.isSupported()) return;
    for (const notice of noticesFor(previous, next)) new Notification(notice).show();
  };
}
