import type { RememberedDevices } from '../keychain/remembered-devices.ts';
import { secretBinding } from '../profiles/secret-origin.ts';
import type { DeviceMemory } from './device-memory.ts';

/**
 * The keychain as a sign-in's device memory: one entry per pool and user (`device:<pool>:<user>`). A device is kept
 * under the name Cognito knows the user by (a UUID in pools that sign in by e-mail or phone) and, so the next sign-in
 * with the same alias finds it before Cognito has named the user, under the name as typed too. `knownCanonical` (the
 * profile's last session's user) lets a sign-in with another alias of the same user find the device. A device is
 * offered only at the endpoint (`origin`) it was confirmed at; one stored by an older release, without an endpoint, only
 * where `legacyProblem` (the profile's session vouching for its server) finds nothing against it, and is bound there.
 */
export function vaultDeviceMemory(
  devices: RememberedDevices,
  userPoolId: string,
  typed: string | undefined,
  knownCanonical?: string,
  origin?: string,
  legacyProblem: () => Promise<string | undefined> = () => Promise.resolve('nothing vouches for it'),
): DeviceMemory {
  const names = [...new Set([typed, knownCanonical].filter((name): name is string => Boolean(name)))];
  return {
    load: async () => {
      for (const name of names) {
        const device = await devices.get(userPoolId, name);
        if (!device) continue;
        if (origin === undefined) return device;
        // The same rule as sessions and client secrets (secret-origin.ts): its key is sent only where it was issued.
        const problem = device.origin === undefined ? await legacyProblem() : undefined;
        const binding = secretBinding(device.origin, origin, () => problem);
        if (binding.kind !== 'bound') continue;
        if (binding.newly) await devices.save(userPoolId, name, { ...device, origin });
        return { ...device, origin };
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
