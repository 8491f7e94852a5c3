import type { Api } from '../ipc/contract.ts';
import type { Tell } from './notice-delivery.ts';
import { copiedNotice, failedNotice } from './tray-feedback.ts';
import type { TrayAction } from './tray-menu.ts';

/** What the tray's items reach: the window, quitting, the Api's copy and refresh, and how to say the outcome. */
export interface TrayActionParts {
  showWindow: () => void;
  openSignIn: (profileId: string) => void;
  quit: () => void;
  copyToken: Api['copyToken'];
  refreshNow: (profileId: string) => Promise<unknown>;
  /** The profile's name as last read, for the notice. */
  nameOf: (profileId: string) => string | undefined;
  /** The clipboard clear time in seconds, as the settings say now. */
  clearSeconds: () => number;
  tell: Tell;
}

/**
 * Runs what a tray item asks. The tray has no page to answer in: a copy says what was copied and when the clipboard
 * clears (never the token), and a failed copy or refresh says so instead of failing silently. Settles once said.
 */
export function trayActionRunner(parts: TrayActionParts): (action: TrayAction) => Promise<void> {
  return async (action) => {
    if (action.kind === 'open') parts.showWindow();
    else if (action.kind === 'quit') parts.quit();
    else if (action.kind === 'sign-in') parts.openSignIn(action.profileId);
    else if (action.kind === 'copy') {
      const name = parts.nameOf(action.profileId) ?? 'the profile';
      await parts.copyToken(action.profileId, action.token, action.format).then(
        () => parts.tell(copiedNotice(name, action.token, action.format, parts.clearSeconds())),
        (error: unknown) => parts.tell(failedNotice('Copying the token', error)),
      );
    } else if (action.kind === 'refresh')
      await parts.refreshNow(action.profileId).then(
        () => undefined,
        (error: unknown) => parts.tell(failedNotice('Refreshing', error)),
      );
  };
}
