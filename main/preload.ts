// The preload: contextBridge only. It exposes one method per Api entry, each a single ipcRenderer.invoke on
// its fixed `ctm:` channel, and two subscriptions to main's events (the Electron event object never reaches
// the page); ipcRenderer itself never does either. Bundled into one file (sandboxed).
import { contextBridge, ipcRenderer } from 'electron';
import {
  API_METHODS,
  BRIDGE_NAME,
  CHANGED_CHANNEL,
  CHANNEL_PREFIX,
  QUICK_COPY_REQUESTED_CHANNEL,
  SIGN_IN_REQUESTED_CHANNEL,
  type Bridge,
} from './ipc/contract.ts';

const methods = Object.fromEntries(
  API_METHODS.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(CHANNEL_PREFIX + method, ...args)]),
);

const subscribe = (channel: string, listener: (...args: string[]) => void, relayArgument: boolean): (() => void) => {
  if (typeof listener !== 'function') throw new TypeError('A listener must be a function.');
  const relay = (_event: unknown, argument: unknown): void => {
    if (!relayArgument) listener();
    else if (typeof argument === 'string') listener(argument);
  };
  ipcRenderer.on(channel, relay);
  return () => void ipcRenderer.removeListener(channel, relay);
};

const bridge: Bridge = {
  ...(methods as Omit<Bridge, 'onChanged' | 'onSignInRequested' | 'onQuickCopyRequested'>),
  onChanged: (listener) => subscribe(CHANGED_CHANNEL, listener, false),
  onSignInRequested: (listener) => subscribe(SIGN_IN_REQUESTED_CHANNEL, listener, true),
  onQuickCopyRequested: (listener) => subscribe(QUICK_COPY_REQUESTED_CHANNEL, listener, false),
};

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
