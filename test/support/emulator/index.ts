import type { AddressInfo } from 'node:net';
import { buildAwsState } from './aws/aws-state-builder.ts';
import { AuthSessionStore } from './auth-session-store.ts';
import { createEmulatorClock } from './emulator-clock.ts';
import type { EmulatorState } from './emulator-state.ts';
import { createFaultPlan, type FaultController } from './fault-controller.ts';
import { createEmulatorServer, type RecordedRequest } from './http-server.ts';
import { buildPool } from './pool-builder.ts';
import { RefreshTokenStore } from './refresh-token-store.ts';
import { loadSeed } from './seed-loader.ts';
import { seededUser } from './user-lookup.ts';
import type { Seed } from './seed-types.ts';

export type { SeedIam, SeedIamUser, SeedIdentityPool } from './seed-types.ts';
export type {
  Seed,
  SeedPool,
  SeedClient,
  SeedUser,
  SeedMfa,
  SeedCustomChallenge,
  DeviceTracking,
  MfaMethod,
  MfaSetupMethod,
  UnknownDeviceError,
  UsernameAttribute,
  UserStatus,
} from './seed-types.ts';
export type { RecordedRequest } from './http-server.ts';
export type { FaultController, UnknownOperationStyle } from './fault-controller.ts';
export { secretHashFor } from './secret-hash.ts';
export { totpCode } from './totp.ts';

/** How to start an emulator. */
export interface EmulatorOptions {
  seed: Seed | string;
  port?: number;
  host?: string;
  /** Starts the emulator clock this far from the machine's (e.g. -7_200_000: the server is two hours behind). */
  clockOffsetMs?: number;
}

/** A running Cognito user-pool emulator. */
export interface Emulator {
  endpoint: string;
  requests: RecordedRequest[];
  advanceClock(ms: number): void;
  now(): number;
  outbox(username: string): string[];
  revokeAllFor(username: string): void;
  faults: FaultController;
  close(): Promise<void>;
}

/** Starts an emulator on a real HTTP port and resolves once it accepts requests. */
export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const seed = await loadSeed(options.seed);
  const clock = createEmulatorClock();
  clock.advance(options.clockOffsetMs ?? 0);
  const state: EmulatorState = {
    pools: new Map(),
    clients: new Map(),
    clock,
    refreshTokens: new RefreshTokenStore(),
    sessions: new AuthSessionStore(() => clock.now()),
    outbox: new Map(),
    revokedOrigins: new Set(),
    aws: await buildAwsState(seed),
  };
  for (const built of await Promise.all(seed.pools.map(buildPool))) {
    state.pools.set(built.pool.id, built.pool);
    for (const client of built.clients) state.clients.set(client.id, client);
  }
  const requests: RecordedRequest[] = [];
  const faults = createFaultPlan();
  const revokeAllFor = (username: string): void => {
    for (const pool of state.pools.values()) {
      const user = seededUser(pool, username);
      if (user) for (const origin of state.refreshTokens.revokeAllFor(user)) state.revokedOrigins.add(origin);
    }
  };
  const server = createEmulatorServer({ state, requests, faults, revokeAllFor });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const endpoint = `http://${shownHost}:${port}/`;
  return {
    endpoint,
    requests,
    faults,
    revokeAllFor,
    advanceClock: (ms) => clock.advance(ms),
    now: () => clock.now(),
    outbox: (username) => [...(state.outbox.get(username) ?? [])],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
