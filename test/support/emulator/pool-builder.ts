import { createHash } from 'node:crypto';
import type { ClientRecord, PoolRecord, UserRecord } from './pool-records.ts';
import { createPoolSigner } from './pool-signer.ts';
import type { SeedClient, SeedPool, SeedUser } from './seed-types.ts';

/** A stable UUID for a user, derived from the pool id and username so restarts keep it. */
export function stableSub(poolId: string, username: string): string {
  const hex = createHash('sha256').update(`${poolId}\0${username}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function buildUser(pool: PoolRecord, seed: SeedUser): UserRecord {
  const mfa = seed.mfa ?? {};
  const sub = stableSub(pool.id, seed.username);
  return {
    // AWS: in a pool with username attributes the username is a generated UUID (the same value as sub here).
    username: pool.usernameAttributes.length > 0 ? sub : seed.username,
    seedName: seed.username,
    password: seed.password,
    sub,
    attributes: { ...(seed.attributes ?? {}) },
    status: seed.status ?? 'CONFIRMED',
    groups: [...(seed.groups ?? [])],
    mfa: {
      totpSecret: mfa.totpSecret,
      phone: mfa.phone ?? seed.attributes?.phone_number,
      email: mfa.email ?? seed.attributes?.email,
      enabled: [...(mfa.enabled ?? [])],
      preferred: mfa.preferred,
      setupRequired: mfa.setupRequired ?? false,
    },
    customChallenge: seed.customChallenge,
    devices: new Map(),
    pool,
  };
}

function buildClient(pool: PoolRecord, seed: SeedClient): ClientRecord {
  return {
    id: seed.id,
    secret: seed.secret,
    accessTokenValiditySeconds: seed.accessTokenValiditySeconds ?? 3600,
    idTokenValiditySeconds: seed.idTokenValiditySeconds ?? 3600,
    refreshTokenValiditySeconds: seed.refreshTokenValiditySeconds ?? 2_592_000,
    explicitAuthFlows: seed.explicitAuthFlows ? new Set(seed.explicitAuthFlows) : null,
    rotation: {
      enabled: seed.refreshTokenRotation?.enabled ?? false,
      retryGracePeriodSeconds: seed.refreshTokenRotation?.retryGracePeriodSeconds ?? 0,
    },
    authSessionValiditySeconds: seed.authSessionValiditySeconds ?? 180,
    omitExpiresIn: seed.omitExpiresIn ?? false,
    tokenRevocation: seed.enableTokenRevocation ?? true,
    oauth: seed.oauth,
    pool,
  };
}

/** Turns one seeded pool into running records (with a fresh RSA key) plus its clients. */
export async function buildPool(seed: SeedPool): Promise<{ pool: PoolRecord; clients: ClientRecord[] }> {
  const pool: PoolRecord = {
    id: seed.id,
    srpName: seed.id.slice(seed.id.indexOf('_') + 1),
    region: seed.id.slice(0, seed.id.indexOf('_')),
    requiredAttributes: [...(seed.requiredAttributes ?? [])],
    usernameAttributes: [...(seed.usernameAttributes ?? [])],
    deviceTracking: seed.deviceTracking ?? 'off',
    mfaSetupMethods: [...(seed.mfaSetupMethods ?? ['SOFTWARE_TOKEN_MFA'])],
    unknownDeviceError: seed.unknownDeviceError ?? 'ResourceNotFoundException',
    issuerType: seed.issuerType ?? 'ORIGINAL',
    users: new Map(),
    signer: await createPoolSigner(),
    resourceServers: [...(seed.resourceServers ?? [])],
    groupRoles: { ...(seed.groupRoles ?? {}) },
  };
  for (const seedUser of seed.users) {
    const user = buildUser(pool, seedUser);
    pool.users.set(user.username, user);
  }
  return { pool, clients: seed.clients.map((client) => buildClient(pool, client)) };
}
