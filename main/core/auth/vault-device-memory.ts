import type { Vault } from '../keychain/vault.ts';
import type { DeviceMemory } from './device-memory.ts';

/** The keychain as a sign-in's device memory: one entry per pool and user (`device:<pool>:<user>`). */
export function vaultDeviceMemory(vault: Vault, userPoolId: string, username: string | undefined): DeviceMemory {
  if (!username) return { load: () => Promise.resolve(undefined), save: () => Promise.resolve(), forget: () => Promise.resolve() };
  return {
    load: () => vault.device(userPoolId, username),
    save: (device) => vault.saveDevice(userPoolId, username, device),
    forget: () => vault.deleteDevice(userPoolId, username),
  };
}
