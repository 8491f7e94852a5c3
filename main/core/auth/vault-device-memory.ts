import type { RememberedDevices } from '../keychain/remembered-devices.ts';
import type { DeviceMemory } from './device-memory.ts';

/**
 * The keychain as a sign-in's device memory: one entry per pool and user (`device:<pool>:<user>`). A device is kept
 * under the name Cognito knows the user by (a UUID in pools that sign in by e-mail or phone) and, so the next sign-in
 * with the same alias finds it before Cognito has named the user, under the name as typed too. `knownCanonical` (the
 * profile's last session's user) lets a sign-in with another alias of the same user find the device.
 */
export function vaultDeviceMemory(
  devices: RememberedDevices,
  userPoolId: string,
  typed: string | undefined,
  knownCanonical?: string,
  origin?: string,
): DeviceMemory {
  const names = [...new Set([typed, knownCanonical].filter((name): name is string => Boolean(name)))];
  return {
    load: async () => {
      for (const name of names) {
        const device = await devices.get(userPoolId, name);
        // A device confirmed at another endpoint is not offered here: its key is sent only where it was issued.
        if (device && (device.origin === undefined || origin === undefined || device.origin === origin)) return device;
      }
      return undefined;
    },
    save: async (device, canonicalName) => {
      for (const name of new Set([canonicalName, typed].filter((n): n is string => Boolean(n))))
        await devices.save(userPoolId, name, origin === undefined ? device : { ...device, origin });
    },
    forget: async () => {
      for (const name of names) await devices.delete(userPoolId, name);
    },
  };
}
