import type { Seed } from '../../support/emulator/index.ts';
import type { RefreshScheduler } from '../../../main/core/scheduler/refresh-scheduler.ts';
import type { RefreshChange } from '../../../main/core/scheduler/scheduler-events.ts';

/** Identities of the refresh tests' pool (also the strings the secret scans look for). */
export const REFRESH_POOL = 'us-east-1_Refresh1';
export const SHORT_CLIENT = 'refreshshort1';
export const ROTATING_CLIENT = 'refreshrotating1';
export const CONFIDENTIAL_CLIENT = 'refreshconfidential1';
export const REFRESH_CLIENT_SECRET = 'refresh-client-secret-9876543210abcdef';
export const BOB_PASSWORD = 'Bob-Password-456!';
/** Seconds a rotated refresh token keeps working. */
export const GRACE_SECONDS = 10;

/** A pool with 4-second access tokens: a plain public client, a rotating one, and a confidential one. */
export function refreshSeed(accessSeconds = 4): Seed {
  const lifetimes = {
    accessTokenValiditySeconds: accessSeconds,
    idTokenValiditySeconds: accessSeconds,
    refreshTokenValiditySeconds: 86_400,
  };
  return {
    pools: [
      {
        id: REFRESH_POOL,
        clients: [
          { id: SHORT_CLIENT, ...lifetimes },
          {
            id: ROTATING_CLIENT,
            ...lifetimes,
            refreshTokenRotation: { enabled: true, retryGracePeriodSeconds: GRACE_SECONDS },
          },
          { id: CONFIDENTIAL_CLIENT, secret: REFRESH_CLIENT_SECRET, ...lifetimes },
        ],
        users: [{ username: 'bob', password: BOB_PASSWORD, attributes: { email: 'bob@example.com' } }],
      },
    ],
  };
}

/** Profile fields for a client of that pool, on the emulator. */
export function refreshProfile(
  name: string,
  clientId: string,
  endpoint: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name,
    region: 'us-east-1',
    userPoolId: REFRESH_POOL,
    clientId,
    username: 'bob',
    authFlow: 'USER_PASSWORD_AUTH',
    endpoint,
    ...extra,
  };
}

/** Resolves with the first state change of a profile that matches, within `timeoutMs` of real time. */
export function nextChange(
  scheduler: Pick<RefreshScheduler, 'onChange' | 'stateOf'>,
  profileId: string,
  matches: (c: RefreshChange) => boolean,
  timeoutMs = 15_000,
): Promise<RefreshChange> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(
        new Error(
          `no matching refresh change for ${profileId} within ${timeoutMs} ms; now ${JSON.stringify(scheduler.stateOf(profileId))}`,
        ),
      );
    }, timeoutMs);
    const stop = scheduler.onChange((change) => {
      if (change.profileId !== profileId || !matches(change)) return;
      clearTimeout(timer);
      stop();
      resolve(change);
    });
  });
}
