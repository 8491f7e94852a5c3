import { assertFitsOneItem } from './item-limit.ts';
import type { SecretStore } from './secret-store.ts';

/** A device Cognito remembers for a user (ConfirmDevice): sent as DEVICE_KEY on sign-in and refresh. */
export interface RememberedDevice {
  deviceKey: string;
  deviceGroupKey: string;
  devicePassword: string;
}

const PREFIX = 'device:';

/**
 * Devices remembered per pool and user: one keychain item each, `device:<pool>:<user>`, about 200 bytes of JSON.
 * The item's value is written and read only here.
 */
export class RememberedDevices {
  private readonly store: SecretStore;

  constructor(store: SecretStore) {
    this.store = store;
  }

  /** The device remembered for a user of a pool; undefined when none is, or the item does not parse. */
  async get(userPoolId: string, userId: string): Promise<RememberedDevice | undefined> {
    const text = await this.store.get(`${PREFIX}${userPoolId}:${userId}`);
    if (!text) return undefined;
    try {
      return JSON.parse(text) as RememberedDevice;
    } catch {
      return undefined;
    }
  }

  /** Remembers a device for a user of a pool. */
  async save(userPoolId: string, userId: string, device: RememberedDevice): Promise<void> {
    const text = JSON.stringify(device);
    assertFitsOneItem('remembered device', text);
    await this.store.set(`${PREFIX}${userPoolId}:${userId}`, text);
  }

  /** Forgets a remembered device. */
  async delete(userPoolId: string, userId: string): Promise<void> {
    await this.store.delete(`${PREFIX}${userPoolId}:${userId}`);
  }
}
