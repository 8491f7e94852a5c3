import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vaultDeviceMemory } from '../../../../main/core/auth/vault-device-memory.ts';
import { Vault } from '../../../../main/core/keychain/vault.ts';
import { MemorySecretStore } from '../../../support/fakes/memory-secret-store.ts';

// Devices keyed by the name Cognito knows the user by, with the in-memory keychain (the real one is covered by the flows tests).
const POOL = 'us-east-1_Alias1';
const CANONICAL = '5f0c3e9a-8d7b-4c11-9e2f-0a1b2c3d4e5f';
const newVault = () => new Vault(new MemorySecretStore(), mkdtempSync(join(tmpdir(), 'ctm-devices-')));
const device = { deviceKey: 'us-east-1_dev', deviceGroupKey: '-group', devicePassword: 'device-password' };

describe('remembered devices by canonical username (in-memory keychain)', () => {
  it('keeps a confirmed device under the canonical name and the alias as typed', async () => {
    const vault = newVault();
    await vaultDeviceMemory(vault.devices, POOL, 'alice@example.com').save(device, CANONICAL);
    expect(await vault.devices.get(POOL, CANONICAL)).toEqual(device);
    expect(await vault.devices.get(POOL, 'alice@example.com')).toEqual(device);
  });

  it('a sign-in with another alias of the same user finds the device through the profile\u2019s last known canonical name', async () => {
    const vault = newVault();
    await vaultDeviceMemory(vault.devices, POOL, 'alice@example.com').save(device, CANONICAL);
    expect(await vaultDeviceMemory(vault.devices, POOL, '+15555551234', CANONICAL).load()).toEqual(device);
    expect(await vaultDeviceMemory(vault.devices, POOL, '+15555551234').load()).toBeUndefined();
  });

  it('forgetting an unknown device removes it under every name it was found by', async () => {
    const vault = newVault();
    const memory = vaultDeviceMemory(vault.devices, POOL, 'alice@example.com', CANONICAL);
    await memory.save(device, CANONICAL);
    await memory.forget();
    expect(await vault.devices.get(POOL, CANONICAL)).toBeUndefined();
    expect(await vault.devices.get(POOL, 'alice@example.com')).toBeUndefined();
  });
});

describe('a remembered device is bound to the endpoint it was confirmed at (in-memory keychain)', () => {
  it('is offered only at that endpoint', async () => {
    const vault = newVault();
    await vaultDeviceMemory(
      vault.devices,
      POOL,
      'alice',
      undefined,
      'https://cognito-idp.us-east-1.amazonaws.com/',
    ).save(device, 'alice');
    expect(
      await vaultDeviceMemory(
        vault.devices,
        POOL,
        'alice',
        undefined,
        'https://cognito-idp.us-east-1.amazonaws.com/',
      ).load(),
    ).toMatchObject(device);
    expect(
      await vaultDeviceMemory(vault.devices, POOL, 'alice', undefined, 'http://127.0.0.1:9/').load(),
    ).toBeUndefined();
  });

  it('one stored before endpoints were kept (an older release) is offered only where the profile vouches for the endpoint, and bound there', async () => {
    const vault = newVault();
    await vault.devices.save(POOL, 'bob', device); // as an older release wrote it: no origin
    const at = (legacyProblem: () => Promise<string | undefined>) =>
      vaultDeviceMemory(vault.devices, POOL, 'bob', undefined, 'http://127.0.0.1:9/', legacyProblem);
    // Nothing vouches (no session, or one that does not vouch): not offered, and kept as it was.
    expect(await at(async () => 'the profile has no session to vouch for it').load()).toBeUndefined();
    expect(
      await vaultDeviceMemory(vault.devices, POOL, 'bob', undefined, 'http://127.0.0.1:9/').load(),
    ).toBeUndefined();
    expect(await vault.devices.get(POOL, 'bob')).toEqual(device);
    // The profile's session vouches: offered, and stored with the endpoint from now on.
    expect(await at(async () => undefined).load()).toEqual({ ...device, origin: 'http://127.0.0.1:9/' });
    expect(await vault.devices.get(POOL, 'bob')).toEqual({ ...device, origin: 'http://127.0.0.1:9/' });
    expect(
      await vaultDeviceMemory(
        vault.devices,
        POOL,
        'bob',
        undefined,
        'http://127.0.0.1:8/',
        async () => undefined,
      ).load(),
    ).toBeUndefined();
  });
});
