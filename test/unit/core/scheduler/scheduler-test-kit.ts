import { testProfileId } from '../../../support/profile-ids.ts';
import { summaryOf, type ProfileSecrets, type SessionSummary } from '../../../../main/core/keychain/vault.ts';
import type { Profile } from '../../../../main/core/profiles/profile.ts';
import { RefreshScheduler, type SchedulerDependencies } from '../../../../main/core/scheduler/refresh-scheduler.ts';
import type { RefreshChange } from '../../../../main/core/scheduler/scheduler-events.ts';
import type { TokenSet } from '../../../../main/core/tokens/token-set.ts';
import { FakeClock } from './fake-clock.ts';

/** A profile with a predictable id. */
export function profileNamed(name: string, autoRefresh = true): Profile {
  return {
    id: testProfileId(`id-${name}`),
    name,
    region: 'us-east-1',
    userPoolId: 'us-east-1_Abc',
    clientId: 'client1',
    hasClientSecret: false,
    authFlow: 'USER_PASSWORD_AUTH',
    refreshMethod: 'REFRESH_TOKEN_AUTH',
    autoRefresh,
  };
}

/** Tokens issued at `issuedAt` that live `lifetimeMs`. */
export function tokens(issuedAt: number, lifetimeMs: number, refreshToken: string | undefined = 'rt'): TokenSet {
  return {
    accessToken: 'at',
    tokenType: 'Bearer',
    issuedAt,
    expiresAt: issuedAt + lifetimeMs,
    ...(refreshToken ? { refreshToken } : {}),
  };
}

/**
 * The scheduler over FAKE parts (a fake clock, an in-memory profile list and session map, and a refresh function the
 * test scripts), so tests are about scheduling alone; the real parts are exercised in test/integration/refresh.
 */
export class SchedulerKit {
  readonly clock = new FakeClock();
  readonly profiles: Profile[] = [];
  readonly sessions = new Map<string, TokenSet>();
  readonly changes: RefreshChange[] = [];
  bulkReads = 0;
  refreshCalls: string[] = [];
  running = 0;
  maxRunning = 0;
  /** What a refresh does; by default it succeeds with a new token of `lifetimeMs` after `latencyMs` of fake time. */
  onRefresh: (profileId: string) => Promise<TokenSet>;
  lifetimeMs = 3_600_000;
  latencyMs = 100;
  readonly scheduler: RefreshScheduler;
  private sessionListener: (id: string, s: SessionSummary | undefined) => void = () => undefined;
  private profilesListener: (p: readonly Profile[]) => void = () => undefined;
  private failureListener: (id: string, error: unknown) => void = () => undefined;

  constructor(options: { maxInFlight?: number; random?: () => number } = {}) {
    this.onRefresh = async (id) => {
      await new Promise<void>((resolve) => this.clock.setTimeout(resolve, this.latencyMs));
      const renewed = tokens(this.clock.now(), this.lifetimeMs);
      this.saveSession(id, renewed);
      return renewed;
    };
    const deps: SchedulerDependencies = {
      refresh: async (id) => {
        this.refreshCalls.push(id);
        this.running += 1;
        this.maxRunning = Math.max(this.maxRunning, this.running);
        try {
          return await this.onRefresh(id);
        } finally {
          this.running -= 1;
        }
      },
      listProfiles: async () => [...this.profiles],
      allProfileSecrets: async () => {
        this.bulkReads += 1;
        return new Map<string, ProfileSecrets>(
          [...this.sessions].map(([id, session]) => [id, { session: summaryOf(session) }]),
        );
      },
      onSessionChange: (listener) => {
        this.sessionListener = listener;
        return () => (this.sessionListener = () => undefined);
      },
      onProfilesChange: (listener) => {
        this.profilesListener = listener;
        return () => (this.profilesListener = () => undefined);
      },
      onRenewalFailure: (listener) => {
        this.failureListener = listener;
        return () => (this.failureListener = () => undefined);
      },
    };
    this.scheduler = new RefreshScheduler(deps, {
      clock: this.clock,
      timers: this.clock,
      maxInFlight: options.maxInFlight ?? 4,
      random: options.random ?? (() => 0.5),
    });
    this.scheduler.onChange((change) => this.changes.push(change));
  }

  /** Adds a profile, signed in with tokens issued `ageMs` ago, as if it were already in the config and keychain. */
  signedIn(name: string, ageMs = 0, lifetimeMs = this.lifetimeMs, autoRefresh = true): Profile {
    const profile = profileNamed(name, autoRefresh);
    this.profiles.push(profile);
    this.sessions.set(profile.id, tokens(this.clock.now() - ageMs, lifetimeMs));
    return profile;
  }

  /** Stores a session and tells the scheduler, as the Vault does after a sign-in or refresh. */
  saveSession(id: string, session: TokenSet): void {
    this.sessions.set(id, session);
    this.sessionListener(id, summaryOf(session));
  }

  /** A renewal outside the scheduler (the window's Refresh) failed, as the SessionService reports it. */
  failElsewhere(id: string, error: unknown): void {
    this.failureListener(id, error);
  }

  /** Removes a session and tells the scheduler. */
  deleteSession(id: string): void {
    this.sessions.delete(id);
    this.sessionListener(id, undefined);
  }

  /** Replaces a profile's fields and tells the scheduler, as the ProfileStore does. */
  editProfile(name: string, changes: Partial<Profile>): void {
    const index = this.profiles.findIndex((p) => p.name === name);
    this.profiles[index] = { ...this.profiles[index]!, ...changes };
    this.profilesListener([...this.profiles]);
  }

  /** The scheduler's state of every profile the test added. */
  snapshot(): RefreshChange[] {
    return this.profiles.map((p) => this.scheduler.stateOf(p.id)).filter((s): s is RefreshChange => s !== undefined);
  }

  /** The states a profile went through, in order. */
  statesOf(id: string): string[] {
    return this.changes.filter((c) => c.profileId === id).map((c) => c.state);
  }
}
