import type { Clock, TimerHandle, Timers } from '../clock.ts';
import { summaryOf, type ProfileSecrets, type SessionSummary } from '../keychain/vault.ts';
import type { Logger } from '../logging/logger.ts';
import { silentLogger } from '../logging/logger.ts';
import type { Profile } from '../profiles/profile.ts';
import type { ProfileId } from '../profiles/profile-id.ts';
import type { TokenSet } from '../tokens/token-set.ts';
import { classifyRefreshFailure } from './refresh-failure.ts';
import { DEFAULT_BACKOFF, MAX_TIMER_MS, retryDelay, type BackoffPolicy } from './refresh-timing.ts';
import { planEntry, viewOf, type Entry } from './scheduler-entry.ts';
import type { CatchUpReason, RefreshChange, RefreshListener } from './scheduler-events.ts';

/** What the scheduler needs from the rest of the core (SessionService, ProfileStore and Vault fit it). */
export interface SchedulerDependencies {
  /** Renews one profile's tokens (concurrent callers share one network call). */
  refresh(profileId: ProfileId): Promise<TokenSet>;
  listProfiles(): Promise<Profile[]>;
  /** Every profile's secrets in ONE keychain read. */
  allProfileSecrets(): Promise<Map<string, ProfileSecrets>>;
  /** Follows sign-ins, refreshes and sign-outs, whoever made them; returns the unsubscribe. */
  onSessionChange(listener: (profileId: string, session: SessionSummary | undefined) => void): () => void;
  /** Follows profile edits (added, removed, autoRefresh switched); returns the unsubscribe. */
  onProfilesChange(listener: (profiles: readonly Profile[]) => void): () => void;
  /** Follows renewals that failed outside the scheduler (the window's Refresh, a copy that renewed first); returns the unsubscribe. */
  onRenewalFailure?(listener: (profileId: string, error: unknown) => void): () => void;
}

/** Tuning and the outside world; tests pass a fake clock and timers. */
export interface SchedulerOptions {
  clock: Clock;
  timers: Timers;
  /** At most this many scheduled refreshes run at once (default 4). */
  maxInFlight?: number;
  backoff?: BackoffPolicy;
  /** Jitter source in [0, 1). */
  random?: () => number;
  logger?: Logger;
}

/**
 * Keeps every signed-in profile's tokens fresh: ONE timer armed for the next due refresh (no polling), at most
 * `maxInFlight` refreshes at once, retries with capped exponential backoff and jitter for anything that may pass,
 * and catch-up entry points for wake, unlock, clock jumps and the network coming back.
 */
export class RefreshScheduler {
  private readonly deps: SchedulerDependencies;
  private readonly clock: Clock;
  private readonly timers: Timers;
  private readonly maxInFlight: number;
  private readonly backoff: BackoffPolicy;
  private readonly random: () => number;
  private readonly log: Logger;
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<RefreshListener>();
  private readonly unsubscribes: (() => void)[] = [];
  private queue: ProfileId[] = [];
  private inFlight = 0;
  private timer: { handle: TimerHandle; at: number } | undefined;
  private online = true;
  private started = false;

  constructor(deps: SchedulerDependencies, options: SchedulerOptions) {
    this.deps = deps;
    this.clock = options.clock;
    this.timers = options.timers;
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 4);
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.random = options.random ?? Math.random;
    this.log = options.logger ?? silentLogger;
  }

  /** Restores every profile from the config and ONE keychain read, then renews what is due. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.unsubscribes.push(
      this.deps.onSessionChange((id, session) => this.sessionChanged(id, session)),
      this.deps.onProfilesChange((profiles) => this.syncProfiles(profiles)),
      this.deps.onRenewalFailure?.((id, error) => this.renewalFailedElsewhere(id, error)) ?? (() => undefined),
    );
    await this.reload();
    this.log.info('refresh scheduler started', { profiles: this.entries.size });
    this.runDue();
  }

  /** Disarms the timer and stops following changes; refreshes already running finish. */
  stop(): void {
    this.started = false;
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    this.disarm();
  }

  /** Subscribes to state changes of any profile; returns the unsubscribe. */
  onChange(listener: RefreshListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The state of one profile, once the scheduler has started and knows it (never in `ctm`, which does not start it). */
  stateOf(profileId: string): RefreshChange | undefined {
    const entry = this.entries.get(profileId);
    return entry && this.view(entry);
  }

  /** After sleep, unlock, a clock jump or the network coming back: re-read the keychain, retry failures now, renew what is due. */
  async catchUp(reason: CatchUpReason): Promise<void> {
    if (!this.started) return;
    if (reason === 'online') this.online = true;
    this.log.info('refresh catch-up', { reason });
    await this.reload().catch((error: unknown) =>
      this.log.warn('catch-up could not re-read the keychain; using what is known', { error }),
    );
    const now = this.clock.now();
    for (const entry of this.entries.values()) {
      if (entry.running || entry.queued) continue;
      if (entry.state === 'retrying' && entry.hasRefreshToken && entry.autoRefresh) {
        entry.attempt = 0;
        entry.dueAt = now;
      }
    }
    this.runDue();
  }

  /** The network went away (no retries are burnt while offline) or came back (a catch-up). */
  async setOnline(online: boolean): Promise<void> {
    if (online) return this.catchUp('online');
    this.online = false;
    this.disarm();
    this.log.info('offline: refreshes wait for the network');
  }

  private async reload(): Promise<void> {
    const [profiles, secrets] = await Promise.all([this.deps.listProfiles(), this.deps.allProfileSecrets()]);
    this.syncProfiles(profiles, false);
    for (const profile of profiles) {
      const entry = this.entries.get(profile.id);
      if (entry && !entry.running) this.applySession(entry, secrets.get(profile.id)?.session, false);
    }
  }

  private syncProfiles(profiles: readonly Profile[], thenRun = true): void {
    const present = new Set<string>(profiles.map((p) => p.id));
    for (const id of this.entries.keys()) if (!present.has(id)) this.entries.delete(id);
    for (const profile of profiles) {
      const entry = this.entries.get(profile.id);
      if (!entry) {
        this.entries.set(profile.id, {
          profileId: profile.id,
          name: profile.name,
          autoRefresh: profile.autoRefresh,
          hasRefreshToken: false,
          attempt: 0,
          state: 'signed-out',
          queued: false,
          running: false,
        });
      } else if (entry.name !== profile.name || entry.autoRefresh !== profile.autoRefresh) {
        entry.name = profile.name;
        entry.autoRefresh = profile.autoRefresh;
        if (!entry.running) this.plan(entry);
        this.emit(entry);
      }
    }
    if (thenRun) this.runDue();
  }

  private sessionChanged(profileId: string, session: SessionSummary | undefined): void {
    const entry = this.entries.get(profileId);
    if (!entry) return; // a profile this scheduler does not know yet: its profiles-change event follows
    if (entry.running) {
      // The running refresh reports the outcome itself (a refusal deletes the session first, then throws).
      this.record(entry, session);
      return;
    }
    this.applySession(entry, session, true);
    this.runDue();
  }

  private record(entry: Entry, session: SessionSummary | undefined): void {
    entry.expiresAt = session?.expiresAt;
    entry.issuedAt = session?.issuedAt;
    entry.hasRefreshToken = session?.hasRefreshToken === true;
  }

  private applySession(entry: Entry, session: SessionSummary | undefined, announce: boolean): void {
    const unchanged =
      entry.expiresAt === session?.expiresAt && entry.hasRefreshToken === (session?.hasRefreshToken === true);
    if (unchanged && entry.state !== 'signed-out') return;
    this.record(entry, session);
    entry.attempt = 0;
    entry.message = undefined;
    const before = entry.state;
    this.plan(entry);
    if (announce || before !== entry.state) this.emit(entry);
  }

  private plan(entry: Entry): void {
    planEntry(entry, this.random);
  }

  /** Queues what is due, starts what the cap allows, and arms the one timer for the next due time. */
  private runDue(): void {
    if (!this.started) return;
    if (this.online) {
      const now = this.clock.now();
      const due = [...this.entries.values()].filter(
        (e) => e.dueAt !== undefined && e.dueAt <= now && !e.queued && !e.running,
      );
      due.sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0));
      for (const entry of due) {
        entry.queued = true;
        this.queue.push(entry.profileId);
      }
      this.pump();
    }
    this.arm();
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const entry = this.entries.get(this.queue.shift() ?? '');
      if (!entry) continue;
      entry.queued = false;
      if (entry.dueAt === undefined || entry.dueAt > this.clock.now()) continue; // re-planned while it waited
      this.launch(entry);
    }
  }

  private launch(entry: Entry): void {
    entry.running = true;
    entry.state = 'renewing';
    this.inFlight += 1;
    this.emit(entry);
    this.deps
      .refresh(entry.profileId)
      .then(
        (tokens) => this.succeeded(entry, tokens),
        (error: unknown) => this.failed(entry, error),
      )
      .finally(() => {
        entry.running = false;
        this.inFlight -= 1;
        this.runDue();
      });
  }

  private succeeded(entry: Entry, tokens: TokenSet): void {
    if (this.entries.get(entry.profileId) !== entry) return; // the profile was removed meanwhile
    this.record(entry, summaryOf(tokens));
    entry.attempt = 0;
    entry.message = undefined;
    this.plan(entry);
    this.log.info('tokens renewed', { profile: entry.name, expiresAt: new Date(tokens.expiresAt).toISOString() });
    this.emit(entry);
  }

  private failed(entry: Entry, error: unknown): void {
    if (this.entries.get(entry.profileId) !== entry) return;
    const message = error instanceof Error ? error.message : 'The refresh failed.';
    const kind = classifyRefreshFailure(error);
    entry.message = message;
    if (kind === 'refused') {
      entry.state = 'needs-sign-in';
      entry.dueAt = undefined;
      entry.hasRefreshToken = false;
      this.log.warn('refresh token refused: sign-in required', { profile: entry.name, error });
    } else if (kind === 'transient') {
      entry.attempt += 1;
      entry.state = 'retrying';
      entry.dueAt = this.clock.now() + retryDelay(entry.attempt, this.random, this.backoff);
      this.log.warn('refresh failed; refresh token kept, retrying', {
        profile: entry.name,
        attempt: entry.attempt,
        retryAt: new Date(entry.dueAt).toISOString(),
        error,
      });
    } else {
      // Someone has to fix it (configuration, client secret): no timer, tried again at the next catch-up or sign-in.
      entry.state = 'retrying';
      entry.dueAt = undefined;
      this.log.error('refresh failed and needs attention', { profile: entry.name, error });
    }
    this.emit(entry);
  }

  /** A renewal outside the scheduler failed: the profile's state says so, as for one of its own. */
  private renewalFailedElsewhere(profileId: string, error: unknown): void {
    const entry = this.entries.get(profileId);
    if (!entry || entry.running) return; // its own renewals report themselves
    this.failed(entry, error);
    this.runDue();
  }

  private arm(): void {
    if (!this.started || !this.online) return this.disarm();
    let next: number | undefined;
    for (const entry of this.entries.values()) {
      if (entry.dueAt !== undefined && !entry.queued && !entry.running && (next === undefined || entry.dueAt < next))
        next = entry.dueAt;
    }
    if (next === undefined) return this.disarm();
    if (this.timer?.at === next) return;
    this.disarm();
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, next - this.clock.now()));
    const handle = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.runDue();
    }, delay);
    this.timer = { handle, at: next };
  }

  private disarm(): void {
    if (this.timer) this.timers.clearTimeout(this.timer.handle);
    this.timer = undefined;
  }

  private view(entry: Entry): RefreshChange {
    return viewOf(entry);
  }

  private emit(entry: Entry): void {
    const change = this.view(entry);
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.log.warn('a refresh-state listener failed', { error });
      }
    }
  }
}
