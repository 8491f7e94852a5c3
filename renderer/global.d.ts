import type { Bridge } from '../main/ipc/contract.ts';

declare global {
  interface Window {
    /** The preload's bridge to the main process. */
    readonly api: Bridge;
  }
}
