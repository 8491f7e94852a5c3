import type { AwsState } from './aws/aws-state.ts';
import type { EmulatorClock } from './emulator-clock.ts';
import type { ClientRecord, PoolRecord, UserRecord } from './pool-records.ts';
import type { RefreshTokenStore } from './refresh-token-store.ts';
import type { AuthSessionStore } from './auth-session-store.ts';

/** Everything a running emulator knows; operations read and change it. */
export interface EmulatorState {
  pools: Map<string, PoolRecord>;
  clients: Map<string, ClientRecord>;
  clock: EmulatorClock;
  refreshTokens: RefreshTokenStore;
  sessions: AuthSessionStore;
  /** Codes sent by SMS or e-mail, per seed username, newest last. */
  outbox: Map<string, string[]>;
  /** origin_jti values whose access tokens no longer work (RevokeToken, GlobalSignOut). */
  revokedOrigins: Set<string>;
  /** IAM users, issued temporary credentials and identity pools (aws/). */
  aws: AwsState;
}

/** Appends a delivered code to a user's outbox. */
export function deliverCode(state: EmulatorState, user: UserRecord, code: string): void {
  const box = state.outbox.get(user.seedName) ?? [];
  box.push(code);
  state.outbox.set(user.seedName, box);
}
