// The preload: contextBridge only. It exposes one method per Api entry, each a single ipcRenderer.invoke on
// its fixed `ctm:` channel; ipcRenderer itself never reaches the page. Bundled into one file (sandboxed).
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, BRIDGE_NAME, CHANNEL_PREFIX, type Bridge } from './ipc/contract.ts';

const bridge = Object.fromEntries(
  API_METHODS.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(CHANNEL_PREFIX + method, ...args)]),
) as Bridge;

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
