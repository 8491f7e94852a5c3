import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { IpcMainLike } from '../../../main/ipc/register-handlers.ts';

/** The built preload bundle, as Electron would load it. */
export const PRELOAD_BUNDLE = join(process.cwd(), 'out/preload/index.cjs');

type Listener = Parameters<IpcMainLike['handle']>[1];

/**
 * A stand-in for Electron's ipcMain (Electron cannot run here): records handlers by channel so the page's
 * ipcRenderer.invoke can reach the real main-process handlers in the test process.
 */
export class StandInIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
}

/**
 * Runs the built preload bundle in the page before any page script, with a stand-in for `require('electron')`
 * that behaves as a sandboxed Electron preload does: `require` of anything else throws; contextBridge exposes a
 * frozen object; ipcRenderer.invoke structured-clones arguments and results; a handler's error reaches the page
 * with only its message, wrapped as Electron wraps it.
 */
export async function installPreload(page: Page, ipcMain: StandInIpcMain): Promise<void> {
  await page.exposeBinding('__ctmStandInInvoke', async (source, channel: string, args: unknown[]) => {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) return { thrown: `No handler registered for '${channel}'` };
    try {
      return { value: await handler({ senderFrame: { url: source.frame.url() } }, ...args) };
    } catch (error) {
      return { thrown: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  });
  const bundle = readFileSync(PRELOAD_BUNDLE, 'utf8');
  await page.addInitScript({
    content: `(() => {
    const invokeInMain = window.__ctmStandInInvoke;
    delete window.__ctmStandInInvoke;
    // webContents.send from main: the test calls this (hidden, non-enumerable) hook through sendToPage().
    const listeners = new Map();
    Object.defineProperty(window, '__ctmStandInSend', {
      value: (channel, args) => { for (const l of listeners.get(channel) ?? []) l({ sender: null }, ...structuredClone(args)); },
      enumerable: false,
    });
    const electron = {
      contextBridge: {
        exposeInMainWorld(name, api) {
          const copy = {};
          for (const [key, value] of Object.entries(api)) copy[key] = typeof value === 'function' ? (...a) => value(...a) : structuredClone(value);
          Object.defineProperty(window, name, { value: Object.freeze(copy), writable: false, configurable: false, enumerable: true });
        },
      },
      ipcRenderer: {
        on(channel, listener) {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel).add(listener);
        },
        removeListener(channel, listener) {
          listeners.get(channel)?.delete(listener);
        },
        async invoke(channel, ...args) {
          const answer = await invokeInMain(channel, structuredClone(args));
          if ('thrown' in answer) throw new Error("Error invoking remote method '" + channel + "': " + answer.thrown);
          return structuredClone(answer.value);
        },
      },
    };
    const require = (name) => {
      if (name === 'electron') return electron;
      throw new Error("module not found: " + name + " (a sandboxed preload can only require 'electron')");
    };
    const module = { exports: {} };
    (function (require, module, exports) {
${bundle}
    })(require, module, module.exports);
  })();`,
  });
}

/** Stand-in for `webContents.send(channel, ...args)` from main to the page (Electron stood in). */
export async function sendToPage(page: Page, channel: string, ...args: unknown[]): Promise<void> {
  await page.evaluate(
    ([c, a]) =>
      (globalThis as unknown as { __ctmStandInSend(channel: string, args: unknown[]): void }).__ctmStandInSend(
        c as string,
        a as unknown[],
      ),
    [channel, args] as const,
  );
}
