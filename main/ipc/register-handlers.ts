import type { Api } from './contract.ts';
import { CHANNEL_PREFIX } from './contract.ts';
import type { IpcHandler } from './handlers.ts';

/** The part of Electron's ipcMain (and of the tests' stand-in) that registering needs. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown,
  ): void;
}

/** Registers every handler under `ctm:<method>`, refusing messages from any page but the app's own. */
export function registerHandlers(
  ipcMain: IpcMainLike,
  handlers: Record<keyof Api, IpcHandler>,
  isTrustedPage: (url: string) => boolean,
): void {
  for (const [method, handler] of Object.entries(handlers)) {
    ipcMain.handle(CHANNEL_PREFIX + method, (event, ...args) => {
      const url = event.senderFrame?.url;
      if (!url || !isTrustedPage(url))
        return { ok: false, error: { code: 'forbidden', message: 'This page may not use the app.' } };
      return handler(...args);
    });
  }
}
