import type { RememberedDevice } from '../keychain/vault.ts';

/** Where a sign-in finds and keeps the device remembered for its user (the keychain, bound to pool and user by the caller). */
export interface DeviceMemory {
  /** The remembered device, if any. */
  load(): Promise<RememberedDevice | undefined>;
  /** Keeps a newly confirmed device; `canonicalName` is the name Cognito knows the user by (USER_ID_FOR_SRP / `username` claim). */
  save(device: RememberedDevice, canonicalName?: string): Promise<void>;
  /** Forgets a device the pool no longer knows. */
  forget(): Promise<void>;
}

/** A memory that remembers nothing (no device tracking wanted, or no keychain at hand). */
export const noDeviceMemory: DeviceMemory = {
  load: () => Promise.resolve(undefined),
  save: () => Promise.resolve(),
  forget: () => Promise.resolve(),
};
